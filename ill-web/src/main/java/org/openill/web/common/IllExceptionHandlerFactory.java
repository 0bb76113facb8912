package org.openill.web.common;

import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;

/** Gives every Faces request the application's exception handler, {@link IllExceptionHandler}. */
public class IllExceptionHandlerFactory extends ExceptionHandlerFactory {

    public IllExceptionHandlerFactory(ExceptionHandlerFactory wrapped) {
        super(wrapped);
    }

    @Override
    public ExceptionHandler getExceptionHandler() {
        return new IllExceptionHandler(getWrapped().getExceptionHandler());
    }
}
