package org.openill.infrastructure.scheduling;

import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import org.openill.application.BorrowingService;

import java.time.Instant;
import java.time.LocalDate;
import java.util.logging.Logger;

/**
 * What the passing of time does to requests: a lender that lets its response time pass is skipped for the next one
 * of the rota, and loans past their due date become overdue.
 */
@Singleton
public class LendingClock {

    private static final Logger LOG = Logger.getLogger(LendingClock.class.getName());

    @EJB
    private BorrowingService borrowing;

    @Schedule(hour = "*", minute = "*/10", persistent = false)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // each request moves on in a transaction of its own
    void skipLendersThatDidNotAnswer() {
        int moved = borrowing.advanceTimedOutRequests(Instant.now());
        if (moved > 0) {
            LOG.info(() -> moved + " request(s) moved on: their lender did not answer in time");
        }
    }

    @Schedule(hour = "1", minute = "5", persistent = false)
    void markOverdueLoans() {
        int overdue = borrowing.markOverdueLoans(LocalDate.now());
        LOG.info(() -> overdue + " loan(s) became overdue");
    }
}
