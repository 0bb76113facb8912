package org.openill.web.common;

import jakarta.faces.context.FacesContext;

import java.io.IOException;

/** What pages read from their address, and how they say that what it names is not there. */
public final class Addresses {

    private Addresses() {
    }

    /** The number an address parameter holds, or null when it holds none (or something else). */
    public static Long idOf(String parameter) {
        try {
            return parameter == null ? null : Long.valueOf(parameter.strip());
        } catch (NumberFormatException notAnId) {
            return null;
        }
    }

    /** Answers the request 404 with the message, instead of the page. */
    public static void notFound(String message) throws IOException {
        FacesContext context = FacesContext.getCurrentInstance();
        context.getExternalContext().responseSendError(404, message);
        context.responseComplete();
    }
}
