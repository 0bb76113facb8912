package org.openill.web.staff;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.openill.application.IncomingRequest;
import org.openill.application.staff.StaffDesk;
import org.openill.application.staff.StaffRecords;
import org.openill.domain.NotFoundException;
import org.openill.domain.request.LoanCondition;
import org.openill.web.common.Addresses;
import org.openill.web.common.Texts;

import java.io.IOException;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

/**
 * One of the library's lending records (a partner's request to it), as its staff see it: the request, its history,
 * messages and fees, and only the steps its state allows. Another library's record is answered 404.
 */
@Named
@ViewScoped
public class StaffLendingRecordBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    StaffDesk desk;

    @Inject
    StaffRecords records;

    private Long id;
    private StaffRecords.LendingDetails record;
    private List<StaffRecords.MessageLine> messages;
    private List<StaffRecords.FeeLine> fees;
    private List<IncomingRequest.SuppliableCopy> copies;
    private String barcode;
    private String condition;
    private String cost;
    private String reason;
    private String note;
    private String days = "7";

    public void load() throws IOException {
        if (FacesContext.getCurrentInstance().isPostback()) {
            return;
        }
        try {
            record = id == null ? null : records.lendingRecord(id);
        } catch (NotFoundException notOurs) {
            record = null;
        }
        if (record == null) {
            Addresses.notFound(Texts.of("request.notFound"));
        }
    }

    public boolean may(String action) {
        return record != null && record.may(action);
    }

    public void expectToSupply() {
        act("staff.done.expectToSupply", () -> desk.expectToSupply(id));
    }

    public void willSupply() {
        act("staff.done.willSupply", () -> desk.willSupply(id));
    }

    public void supplyOnCondition() {
        BigDecimal amount;
        try {
            amount = cost == null || cost.isBlank() ? null : new BigDecimal(cost.strip().replace(',', '.'));
        } catch (NumberFormatException notAnAmount) {
            Texts.message("actions:cost", FacesMessage.SEVERITY_ERROR, "staff.badCost", cost);
            return;
        }
        LoanCondition chosen = condition == null || condition.isBlank() ? null : LoanCondition.valueOf(condition);
        act("staff.done.conditions", () -> desk.supplyOnCondition(id, chosen, amount, note));
    }

    public void unfilled() {
        act("staff.done.unfilled", () -> desk.unfilled(id, reason));
    }

    public void ship() {
        if (barcode == null || barcode.isBlank()) {
            Texts.message("actions:copy", FacesMessage.SEVERITY_ERROR, "staff.chooseCopy");
            return;
        }
        act("staff.done.shipped", () -> desk.ship(id, barcode));
    }

    public void approveRenewal() {
        act("staff.done.renewed", () -> desk.approveRenewal(id));
    }

    public void denyRenewal() {
        act("staff.done.renewalDenied", () -> desk.denyRenewal(id, reason));
    }

    public void recall() {
        int within;
        try {
            within = Integer.parseInt(days == null ? "" : days.strip());
        } catch (NumberFormatException notANumber) {
            Texts.message("actions:days", FacesMessage.SEVERITY_ERROR, "staff.badDays", days);
            return;
        }
        act("staff.done.recalled", () -> desk.recall(id, within, reason));
    }

    public void checkIn() {
        act("staff.done.checkedIn", () -> desk.checkIn(id));
    }

    public void completeWithoutReturn() {
        act("staff.done.completedWithoutReturn", () -> desk.completeWithoutReturn(id, reason));
    }

    public void sendNote() {
        act("staff.done.noteSent", () -> records.noteToBorrower(id, note));
    }

    public void resend(long outboundId) {
        act("staff.done.resent", () -> records.resend(outboundId));
    }

    private void act(String doneKey, Runnable step) {
        if (!Texts.step(step, doneKey, String.valueOf(id))) {
            return;
        }
        record = records.lendingRecord(id);
        messages = null;
        fees = null;
        copies = null;
        barcode = condition = cost = reason = note = null;
    }

    /** The copies the supply rule lets the library send (never one in a reference room). */
    public List<IncomingRequest.SuppliableCopy> getCopies() {
        if (copies == null && record != null) {
            copies = desk.lendingSlips(List.of(id)).stream().flatMap(slip -> slip.copies().stream()).toList();
        }
        return copies;
    }

    public List<String> getConditionChoices() {
        return Arrays.stream(LoanCondition.values()).map(Enum::name).toList();
    }

    public List<StaffRecords.MessageLine> getMessages() {
        if (messages == null && record != null) {
            messages = records.lendingMessages(id);
        }
        return messages;
    }

    public List<StaffRecords.FeeLine> getFees() {
        if (fees == null && record != null) {
            fees = records.lendingFees(id);
        }
        return fees;
    }

    public String getId() {
        return id == null ? null : id.toString();
    }

    public void setId(String id) {
        this.id = Addresses.idOf(id);
    }

    public StaffRecords.LendingDetails getRecord() {
        return record;
    }

    public String getBarcode() {
        return barcode;
    }

    public void setBarcode(String barcode) {
        this.barcode = barcode;
    }

    public String getCondition() {
        return condition;
    }

    public void setCondition(String condition) {
        this.condition = condition;
    }

    public String getCost() {
        return cost;
    }

    public void setCost(String cost) {
        this.cost = cost;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }

    public String getDays() {
        return days;
    }

    public void setDays(String days) {
        this.days = days;
    }
}
