package org.openill.web.staff;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.openill.application.RequestDetails;
import org.openill.application.staff.StaffDesk;
import org.openill.domain.NotFoundException;

import java.io.IOException;
import java.io.Serializable;

/** One of the library's borrowing requests, as its staff see it; another library's is answered 404. */
@Named
@ViewScoped
public class StaffRequestBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    StaffDesk desk;

    private Long id;
    private RequestDetails request;

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
            org.openill.web.common.Addresses.notFound(org.openill.web.common.Texts.of("request.notFound"));
        }
    }

    public boolean may(String action) {
        return request != null && request.allowedActions().contains(org.openill.domain.request.RequestAction.valueOf(action));
    }

    public void validate() {
        desk.validate(id);
        done("staff.done.validated");
    }

    public void route() {
        desk.route(id);
        done("staff.done.routed");
    }

    public void receive() {
        desk.receive(id);
        done("staff.done.received");
    }

    public void acceptConditions() {
        desk.acceptConditions(id);
        done("staff.done.conditionsAccepted");
    }

    public void askRenewal() {
        desk.askRenewal(id);
        done("staff.done.renewalAsked");
    }

    public void shipBack() {
        desk.shipBack(id);
        done("staff.done.shippedBack");
    }

    private void done(String key) {
        org.openill.web.common.Texts.message(null, jakarta.faces.application.FacesMessage.SEVERITY_INFO, key,
                String.valueOf(id));
        request = desk.borrowingRequest(id);
    }

    public String getId() {
        return id == null ? null : id.toString();
    }

    public void setId(String id) {
        this.id = org.openill.web.common.Addresses.idOf(id);
    }

    public RequestDetails getRequest() {
        return request;
    }
}
