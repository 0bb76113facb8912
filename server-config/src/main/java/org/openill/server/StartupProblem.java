package org.openill.server;

/**
 * A reason the application cannot start that the person starting it can fix: the message is one line saying what is
 * wrong and what to do, shown instead of a stack trace.
 */
public class StartupProblem extends Exception {

    public StartupProblem(String message) {
        super(message);
    }

    public StartupProblem(String message, Throwable cause) {
        super(message, cause);
    }
}
