package org.openill.web.common;

import jakarta.el.ELException;
import jakarta.faces.FacesException;
import org.junit.jupiter.api.Test;
import org.openill.domain.ConcurrentChangeException;
import org.openill.domain.IllException;
import org.openill.domain.IllRuleViolation;
import org.openill.domain.InvalidInputException;
import org.openill.domain.NotAllowedException;
import org.openill.domain.NotFoundException;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

class IllExceptionHandlerTest {

    @Test
    void findsTheRuleViolationUnderTheExceptionsOfAnActionCall() {
        IllRuleViolation violation = new IllRuleViolation("Type a few words of the title");
        Throwable asFacesReportsIt = new FacesException(new ELException("search", violation));
        assertSame(violation, IllExceptionHandler.refusalIn(asFacesReportsIt));
    }

    @Test
    void everyKindOfRefusalIsShownAsAMessage() {
        for (IllException refusal : List.of(new ConcurrentChangeException("Someone else changed this agreement"),
                new NotFoundException("There is no request #12"), new InvalidInputException("Title", "Title is empty"),
                new NotAllowedException("Staff of ZZ-SCL cannot act for ZZ-NUL"))) {
            assertSame(refusal, IllExceptionHandler.refusalIn(new FacesException(refusal)), refusal.getClass().getName());
        }
    }

    @Test
    void anyOtherExceptionIsNoRuleViolation() {
        assertNull(IllExceptionHandler.refusalIn(new FacesException(new IllegalStateException("no database"))));
    }
}
