package org.openill.application.protocol;

import jakarta.ejb.ApplicationException;

/**
 * A message could not be applied for a reason of ours (the database unreachable, a conflict, a fault), not because
 * of anything in it: it changed nothing and is not answered with an ERROR confirmation, which would tell the sender
 * not to send it again. The sender is to try again later: over HTTP it is answered 503 with a Retry-After, between
 * the libraries of this deployment the outbox keeps the message due.
 */
@ApplicationException
public class TryAgainLater extends RuntimeException {

    /** How long the sender is asked to wait before it tries again. */
    public static final int RETRY_AFTER_SECONDS = 60;

    public TryAgainLater(String message, Throwable cause) {
        super(message, cause);
    }
}
