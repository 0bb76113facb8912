package org.openill.web.staff;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.openill.application.RequestDetails;
import org.openill.application.staff.StaffDesk;
import org.openill.application.staff.StaffRecords;
import org.openill.domain.IllException;
import org.openill.domain.NotFoundException;
import org.openill.domain.request.RequestAction;
import org.openill.web.common.Addresses;
import org.openill.web.common.Texts;

import java.io.IOException;
import java.io.Serializable;
import java.util.List;

/**
 * One of the library's borrowing requests, as its staff see it: everything about it and only the steps its state
 * allows. Another library's request is answered 404.
 */
@Named
@ViewScoped
public class StaffRequestBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    StaffDesk desk;

    @Inject
    StaffRecords records;

    private Long id;
    private RequestDetails request;
    private List<StaffRecords.MessageLine> messages;
    private List<StaffRecords.FeeLine> fees;
    private StaffDesk.LenderChoices lenderChoices;
    private transient java.util.Optional<String> agreement;
    private String lender;
    private String reason;
    private String note;

    public void load() throws IOException {
        FacesContext context = FacesContext.getCurrentInstance();
        if (context.isPostback()) {
            return;
        }
        try {
            request = id == null ? null : desk.borrowingRequest(id);
        } catch (NotFoundException notOurs) {
            request = null;
        }
        if (request == null) {
            Addresses.notFound(Texts.of("request.notFound"));
        }
    }

    public boolean may(String action) {
        return request != null && request.allowedActions().contains(RequestAction.valueOf(action));
    }

    public void validate() {
        act("staff.done.validated", () -> desk.validate(id));
    }

    /** Sends the request to the first lender of its rota; when none can lend, it is unfilled and the page says why. */
    public void route() {
        boolean sent;
        try {
            sent = desk.route(id);
        } catch (IllException refused) {
            Texts.refused(null, refused);
            return;
        }
        Texts.message(null, sent ? FacesMessage.SEVERITY_INFO : FacesMessage.SEVERITY_WARN,
                sent ? "staff.done.routed" : "staff.done.noLender", String.valueOf(id));
        refresh();
    }

    public void routeTo() {
        if (lender == null || lender.isBlank()) {
            Texts.message("actions:lender", FacesMessage.SEVERITY_ERROR, "staff.chooseLender");
            return;
        }
        act("staff.done.routedTo", () -> desk.routeTo(id, lender), lender);
    }

    public void skipLender() {
        act("staff.done.skipped", () -> desk.skipLender(id, reason));
    }

    public void receive() {
        act("staff.done.received", () -> desk.receive(id));
    }

    public void checkOut() {
        act("staff.done.checkedOut", () -> desk.checkOut(id));
    }

    public void checkInFromReader() {
        act("staff.done.readerReturned", () -> desk.checkInFromReader(id));
    }

    public void acceptConditions() {
        act("staff.done.conditionsAccepted", () -> desk.acceptConditions(id));
    }

    public void declineConditions() {
        act("staff.done.conditionsDeclined", () -> desk.declineConditions(id, reason));
    }

    public void askRenewal() {
        act("staff.done.renewalAsked", () -> desk.askRenewal(id));
    }

    public void shipBack() {
        act("staff.done.shippedBack", () -> desk.shipBack(id));
    }

    public void retry() {
        act("staff.done.retried", () -> desk.retry(id));
    }

    public void remind() {
        act("staff.done.reminded", () -> desk.remind(id));
    }

    public void reportLost() {
        act("staff.done.lost", () -> desk.reportLost(id, reason));
    }

    public void cancel() {
        act("staff.done.cancelled", () -> desk.cancel(id, reason));
    }

    public void sendNote() {
        act("staff.done.noteSent", () -> records.noteToLender(id, note));
    }

    public void resend(long outboundId) {
        act("staff.done.resent", () -> records.resend(outboundId));
    }

    /** Does one step; on success says so and shows the request anew, else shows why and keeps what was typed. */
    private void act(String doneKey, Runnable step, Object... more) {
        Object[] values = new Object[more.length + 1];
        values[0] = String.valueOf(id);
        System.arraycopy(more, 0, values, 1, more.length);
        if (Texts.step(step, doneKey, values)) {
            refresh();
        }
    }

    /** Shows the request anew after a step, and forgets what was typed for it. */
    private void refresh() {
        request = desk.borrowingRequest(id);
        messages = null;
        fees = null;
        lenderChoices = null;
        agreement = null;
        reason = note = lender = null;
    }

    public List<StaffRecords.MessageLine> getMessages() {
        if (messages == null && request != null) {
            messages = records.borrowingMessages(id);
        }
        return messages;
    }

    /** The partner agreement the request goes under with its lender, in a line (null while no lender has it). */
    public String getAgreement() {
        if (agreement == null && request != null) {
            agreement = java.util.Optional.ofNullable(records.borrowingAgreement(id));
        }
        return agreement == null ? null : agreement.orElse(null);
    }

    public List<StaffRecords.FeeLine> getFees() {
        if (fees == null && request != null) {
            fees = records.borrowingFees(id);
        }
        return fees;
    }

    /** The lenders staff may pick by hand (only asked while the request may be sent). */
    public StaffDesk.LenderChoices getLenderChoices() {
        if (lenderChoices == null && request != null && may("SEND_TO_LENDER")) {
            lenderChoices = desk.lenderChoices(id);
        }
        return lenderChoices;
    }

    public String getId() {
        return id == null ? null : id.toString();
    }

    public void setId(String id) {
        this.id = Addresses.idOf(id);
    }

    public RequestDetails getRequest() {
        return request;
    }

    public String getLender() {
        return lender;
    }

    public void setLender(String lender) {
        this.lender = lender;
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
}
