package org.openill.infrastructure.scheduling;

import jakarta.ejb.EJBTransactionRolledbackException;
import jakarta.persistence.PersistenceException;
import org.junit.jupiter.api.Test;
import org.openill.domain.ConcurrentChangeException;

import java.sql.SQLException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LendingClockTest {

    @Test
    void databaseFailureIsDescribedInTheDatabasesWordsOnOneLine() {
        SQLException database = new SQLException("ERROR: value too long for type character varying(30)\n  Where: x");
        RuntimeException wrapped = new EJBTransactionRolledbackException("Transaction rolled back",
                new PersistenceException("Exception [EclipseLink-4002]", database));
        assertEquals("SQLException: ERROR: value too long for type character varying(30) Where: x",
                org.openill.application.ClockWork.describe(wrapped));
    }

    @Test
    void brokenRuleIsDescribedByItsOwnMessage() {
        assertEquals("ILL request #12 is being changed in another transaction right now", org.openill.application.ClockWork.describe(
                new ConcurrentChangeException("ILL request #12 is being changed in another transaction right now")));
    }

    @Test
    void reportNamesTheRequestsFailedOnAndThoseLeftToStaff() {
        SweepReport report = new SweepReport(LendingClock.Sweep.PAST_DEADLINES, null, List.of(1L, 2L), List.of(3L, 4L),
                List.of(4L));
        assertEquals("Sweep for requests waiting past their deadline: 2 request(s) moved on to the next lender; failed on"
                + " request(s) #3, #4; left to staff "
                + "after repeated failures: #4", report.summary());
        assertEquals("Sweep for requests waiting past their deadline not run: another server holds its lock",
                SweepReport.notRun(LendingClock.Sweep.PAST_DEADLINES, "another server holds its lock").summary());
    }
}
