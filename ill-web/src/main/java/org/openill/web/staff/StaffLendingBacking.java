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
    }

    public Map<Long, String> getBarcodes() {
        return barcodes;
    }

    public Map<Long, String> getReasons() {
        return reasons;
    }
}
