package org.openill.domain;

/**
 * Who acts may not do this: staff of one library acting on another library's side of a request, a reader on someone
 * else's request, anyone but a network administrator or the system on the network itself (an API answers 403).
 */
public class NotAllowedException extends IllException {

    public NotAllowedException(String message) {
        super(message);
    }
}
