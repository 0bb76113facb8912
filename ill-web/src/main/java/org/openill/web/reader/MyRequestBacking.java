package org.openill.web.reader;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.openill.application.reader.MyRequestView;
import org.openill.application.reader.ReaderPortal;
import org.openill.domain.NotFoundException;
import org.openill.domain.request.RequestAction;
import org.openill.web.common.Texts;

import java.io.IOException;
import java.io.Serializable;

/**
 * One of the reader's requests: where it stands, its timeline, the messages about it, and what the reader may do now.
 * A request that is not the reader's, or no request at all, is answered 404.
 */
@Named
@ViewScoped
public class MyRequestBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    ReaderPortal portal;

    private Long id;
    private MyRequestView request;
    private String cancelReason;

    /** Loads the request named by the page's parameter, or answers 404. */
    public void load() throws IOException {
        FacesContext context = FacesContext.getCurrentInstance();
        if (context.isPostback()) {
            return;
        }
        try {
            request = id == null ? null : portal.myRequest(id);
        } catch (NotFoundException notYours) {
            request = null;
        }
        if (request == null) {
            org.openill.web.common.Addresses.notFound(Texts.of("request.notFound"));
        }
    }

    public boolean may(String action) {
        return request != null && request.steps().contains(RequestAction.valueOf(action));
    }

    public void cancel() {
        portal.cancel(id, request.version(), cancelReason);
        done("request.cancelled");
    }

    public void askRenewal() {
        portal.askRenewal(id);
        done("request.renewalAsked");
    }

    public void acceptConditions() {
        portal.answerConditions(id, true);
        done("request.conditionsAccepted");
    }

    public void declineConditions() {
        portal.answerConditions(id, false);
        done("request.conditionsDeclined");
    }

    private void done(String key) {
        Texts.message(null, FacesMessage.SEVERITY_INFO, key);
        request = portal.myRequest(id);
        cancelReason = null;
    }

    public String getId() {
        return id == null ? null : id.toString();
    }

    /** The request's id as the address gives it; anything but a number is no request (404). */
    public void setId(String id) {
        this.id = org.openill.web.common.Addresses.idOf(id);
    }

    public MyRequestView getRequest() {
        return request;
    }

    public String getCancelReason() {
        return cancelReason;
    }

    public void setCancelReason(String cancelReason) {
        this.cancelReason = cancelReason;
    }
}
