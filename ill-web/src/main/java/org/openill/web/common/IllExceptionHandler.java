package org.openill.web.common;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import jakarta.faces.event.PhaseId;
import org.openill.domain.IllException;
import org.primefaces.application.exceptionhandler.PrimeExceptionHandler;

import java.util.Iterator;

/**
 * The one place where exceptions from pages are turned into what the person sees:
 * <ul>
 * <li>a refusal of the services ({@link IllException}: not found, a broken rule, a concurrent change, bad input, not
 * allowed) raised before the page
 * is written, by an action above all, becomes an error message on the page, which is shown again, in full page and
 * Ajax requests alike;</li>
 * <li>any other exception in an Ajax request, an expired view included, goes to PrimeFaces' handler, which runs the
 * {@code p:ajaxExceptionHandler} of the template (a dialog instead of a page that no longer answers);</li>
 * <li>any other exception in a full page request goes to the container, which shows the error pages of web.xml.</li>
 * </ul>
 * PrimeFaces' own factory is not used because its handler would redirect full page requests to those error pages,
 * which live under WEB-INF, where no browser may be sent.
 */
public class IllExceptionHandler extends ExceptionHandlerWrapper {

    private final ExceptionHandler ajax;

    public IllExceptionHandler(ExceptionHandler wrapped) {
        super(wrapped);
        this.ajax = new PrimeExceptionHandler(wrapped);
    }

    @Override
    public void handle() {
        FacesContext context = FacesContext.getCurrentInstance();
        Iterator<ExceptionQueuedEvent> events = getUnhandledExceptionQueuedEvents().iterator();
        while (events.hasNext()) {
            IllException violation = refusalIn(events.next().getContext().getException());
            // While the page is being written it is too late for a message: that is a fault of the page itself.
            if (violation != null && context.getCurrentPhaseId() != PhaseId.RENDER_RESPONSE) {
                context.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, Texts.refusal(violation), null));
                events.remove();
            }
        }
        if (context.getPartialViewContext().isAjaxRequest()) {
            ajax.handle();
        } else {
            getWrapped().handle();
        }
    }

    /** The refusal behind the exception, under the EL and Faces exceptions that wrap it, or null. */
    static IllException refusalIn(Throwable thrown) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            if (cause instanceof IllException refusal) {
                return refusal;
            }
        }
        return null;
    }
}
