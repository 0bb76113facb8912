package org.openill.web.staff;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.openill.application.IncomingRequest;
import org.openill.application.staff.StaffDesk;
import org.openill.web.common.Texts;

import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The lending queue: partners' requests to answer (will supply, unfilled with a reason, ship a copy the supply rule
 * allows), and returns to check in.
 */
@Named
@ViewScoped
public class StaffLendingBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    StaffDesk desk;

    private List<IncomingRequest> toAnswer;
    private List<StaffDesk.LendingLine> returns;
    private List<StaffDesk.LendingLine> renewals;
    private final Map<Long, String> conditions = new HashMap<>();
    /** Values typed in rows of the table: kept as text (a map tells Faces no type), read when an action uses them. */
    private final Map<Long, String> costs = new HashMap<>();
    private final Map<Long, String> barcodes = new HashMap<>();
    private final Map<Long, String> reasons = new HashMap<>();

    public List<IncomingRequest> getToAnswer() {
        if (toAnswer == null) {
            toAnswer = desk.toAnswer();
        }
        return toAnswer;
    }

    public List<StaffDesk.LendingLine> getReturns() {
        if (returns == null) {
            returns = desk.returnsToReceive();
        }
        return returns;
    }

    public List<StaffDesk.LendingLine> getRenewals() {
        if (renewals == null) {
            renewals = desk.renewalsAsked();
        }
        return renewals;
    }

    public List<String> getConditionChoices() {
        return java.util.Arrays.stream(org.openill.domain.request.LoanCondition.values()).map(Enum::name).toList();
    }

    public void supplyOnCondition(long recordId) {
        String condition = conditions.get(recordId);
        desk.supplyOnCondition(recordId, condition == null || condition.isBlank() ? null
                : org.openill.domain.request.LoanCondition.valueOf(condition), cost(recordId), reasons.get(recordId));
        done("staff.done.conditions", recordId);
    }

    private java.math.BigDecimal cost(long recordId) {
        String typed = costs.get(recordId);
        if (typed == null || typed.isBlank()) {
            return null;
        }
        try {
            return new java.math.BigDecimal(typed.strip().replace(",", ""));
        } catch (NumberFormatException notAnAmount) {
            throw new org.openill.domain.InvalidInputException("cost", "The cost is an amount such as 2.50, not '"
                    + typed + "'");
        }
    }

    public void approveRenewal(long recordId) {
        desk.approveRenewal(recordId);
        done("staff.done.renewed", recordId);
    }

    public void denyRenewal(long recordId) {
        desk.denyRenewal(recordId, reasons.get(recordId));
        done("staff.done.renewalDenied", recordId);
    }

    public Map<Long, String> getConditions() {
        return conditions;
    }

    public Map<Long, String> getCosts() {
        return costs;
    }

    public void willSupply(long recordId) {
        desk.willSupply(recordId);
        done("staff.done.willSupply", recordId);
    }

    public void unfilled(long recordId) {
        desk.unfilled(recordId, reasons.get(recordId));
        done("staff.done.unfilled", recordId);
    }

    public void ship(long recordId) {
        String barcode = barcodes.get(recordId);
        if (barcode == null || barcode.isBlank()) {
            Texts.message(null, FacesMessage.SEVERITY_ERROR, "staff.chooseCopy");
            return;
        }
        desk.ship(recordId, barcode);
        done("staff.done.shipped", recordId);
    }

    public void checkIn(long recordId) {
        desk.checkIn(recordId);
        done("staff.done.checkedIn", recordId);
    }

    private void done(String key, long recordId) {
        Texts.message(null, FacesMessage.SEVERITY_INFO, key, String.valueOf(recordId));
        toAnswer = null;
        returns = null;
        renewals = null;
    }

    public Map<Long, String> getBarcodes() {
        return barcodes;
    }

    public Map<Long, String> getReasons() {
        return reasons;
    }
}
