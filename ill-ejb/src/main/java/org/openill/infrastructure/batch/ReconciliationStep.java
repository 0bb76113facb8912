package org.openill.infrastructure.batch;

import org.openill.domain.request.RequestAction;

import java.time.Instant;
import java.util.List;

/**
 * The record-by-record steps of the loan reconciliation (the {@code kind} of its reader and writer): which records a
 * step looks at in one library, and what it does to each, in a transaction of its own.
 */
enum ReconciliationStep {

    /** The lender's loans past their due date by its own date: marked overdue, the borrower and reader told. */
    OVERDUE(RequestAction.MARK_OVERDUE) {
        @Override
        List<Long> candidates(ReconciliationWork work, long library, Instant asOf, long after, int max) {
            return work.loansMaybePastDue(library, asOf, after, max);
        }

        @Override
        boolean act(ReconciliationWork work, long id, Instant asOf) {
            return work.markOverdue(id, asOf);
        }

        @Override
        boolean together() {
            // the lender writes its records a few at a time and lets them go, the borrowers apply their messages one
            // by one likewise, so a transaction's size costs nothing per record
            return true;
        }

        @Override
        void actOnAll(ReconciliationWork work, List<Long> ids, Instant asOf) {
            work.markOverdue(ids, asOf);
        }
    },
    /** The borrower's loans due within a few days: the reader reminded, once. */
    DUE_SOON(null) {
        @Override
        List<Long> candidates(ReconciliationWork work, long library, Instant asOf, long after, int max) {
            return work.loansMaybeDueSoon(library, asOf, after, max);
        }

        @Override
        boolean act(ReconciliationWork work, long id, Instant asOf) {
            return work.remindDueSoon(id, asOf);
        }

        @Override
        boolean together() {
            return true;
        }

        @Override
        void actOnAll(ReconciliationWork work, List<Long> ids, Instant asOf) {
            work.remindDueSoon(ids, asOf);
        }
    },
    /** The borrower's requests whose lender let half its response time pass: the lender reminded, once. */
    REMIND(null) {
        @Override
        List<Long> candidates(ReconciliationWork work, long library, Instant asOf, long after, int max) {
            return work.requestsToRemind(library, asOf, after, max);
        }

        @Override
        boolean act(ReconciliationWork work, long id, Instant asOf) {
            return work.remindLender(id);
        }
    },
    /** The borrower's requests whose lender is silent or disagrees: asked for its status, reconciled on its answer. */
    STATUS(null) {
        @Override
        List<Long> candidates(ReconciliationWork work, long library, Instant asOf, long after, int max) {
            return work.requestsToAskStatus(library, asOf, after, max);
        }

        @Override
        boolean act(ReconciliationWork work, long id, Instant asOf) {
            return work.askStatus(id);
        }
    };

    private final RequestAction failureStep;

    ReconciliationStep(RequestAction failureStep) {
        this.failureStep = failureStep;
    }

    /** The next records (ids after {@code after}, by id, at most {@code max}) of the library to look at. */
    abstract List<Long> candidates(ReconciliationWork work, long library, Instant asOf, long after, int max);

    /** Does the step to one record, in a transaction of its own; true when it changed something. */
    abstract boolean act(ReconciliationWork work, long id, Instant asOf);

    /**
     * Whether the step does a chunk's records together, in one transaction (notices written; loans marked overdue,
     * their messages delivered together after it), rather than each in a transaction of its own.
     */
    boolean together() {
        return false;
    }

    /**
     * Does the step to records together, in one transaction where the step does records together
     * ({@link #together()}; a record another transaction holds fails them all, and they are then done one by one),
     * else each in a transaction of its own.
     */
    void actOnAll(ReconciliationWork work, List<Long> ids, Instant asOf) {
        ids.forEach(id -> act(work, id, asOf));
    }

    /**
     * The step a repeated failure is recorded as, leaving the record to staff after a few (as the clock records its
     * own); null when a failure is only logged and the next night tries again.
     */
    RequestAction failureStep() {
        return failureStep;
    }

    /** The step named by a job property ("overdue", "due-soon", "remind", "status"). */
    static ReconciliationStep named(String kind) {
        return valueOf(kind.strip().toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
    }
}
