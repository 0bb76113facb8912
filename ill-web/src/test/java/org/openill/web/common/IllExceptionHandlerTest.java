package org.openill.web.common;

import jakarta.el.ELException;
import jakarta.faces.FacesException;
import org.junit.jupiter.api.Test;
import org.openill.domain.ConcurrentChangeException;
import org.openill.domain.IllRuleViolation;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

class IllExceptionHandlerTest {

    @Test
    void findsTheRuleViolationUnderTheExceptionsOfAnActionCall() {
        IllRuleViolation violation = new IllRuleViolation("Type a few words of the title");
        Throwable asFacesReportsIt = new FacesException(new ELException("search", violation));
        assertSame(violation, IllExceptionHandler.ruleViolationIn(asFacesReportsIt));
    }

    @Test
    void aConcurrentChangeIsARuleViolationToo() {
        ConcurrentChangeException change = new ConcurrentChangeException("Someone else changed this agreement");
        assertSame(change, IllExceptionHandler.ruleViolationIn(new FacesException(change)));
    }

    @Test
    void anyOtherExceptionIsNoRuleViolation() {
        assertNull(IllExceptionHandler.ruleViolationIn(new FacesException(new IllegalStateException("no database"))));
    }
}
