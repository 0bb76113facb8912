package org.openill.domain.request;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;

/**
 * The clock's record of a request it could not move on by itself (mark the loan overdue, pass over a lender that did
 * not answer): how often in a row it failed and why. After {@link #FAILURES_BEFORE_STAFF_LOOK} failures in a row the
 * request needs the attention of staff, and the clock leaves it alone until they let it try again. Kept apart from
 * the request so that the clock's bookkeeping never makes staff's open page of the request out of date.
 */
@Entity
@Table(name = "clock_failure")
public class ClockFailure {

    /** Failures in a row after which the clock stops trying and asks staff to look. */
    public static final int FAILURES_BEFORE_STAFF_LOOK = 3;

    static final int ERROR_LENGTH = 1000;

    @Id
    @Column(name = "request_id")
    private Long requestId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 30)
    private RequestAction step;

    @Column(name = "consecutive_failures", nullable = false)
    private int consecutiveFailures;

    @Column(name = "last_error", nullable = false, length = ERROR_LENGTH)
    private String lastError;

    @Column(name = "first_failed_at", nullable = false)
    private Instant firstFailedAt;

    @Column(name = "last_failed_at", nullable = false)
    private Instant lastFailedAt;

    @Column(name = "needs_attention_since")
    private Instant needsAttentionSince;

    @Version
    private long version;

    protected ClockFailure() {
        // for JPA
    }

    /** The first failure of the clock on the request. */
    public ClockFailure(long requestId, RequestAction step, String error, Instant when) {
        this.requestId = requestId;
        this.step = step;
        this.firstFailedAt = when;
        this.consecutiveFailures = 0;
        failedAgain(step, error, when);
    }

    /**
     * The clock failed on the request once more. A failure at another step than before starts the count again.
     *
     * @return true when this failure leaves the request to staff
     */
    public boolean failedAgain(RequestAction failedStep, String error, Instant when) {
        if (failedStep != step) {
            this.step = failedStep;
            this.consecutiveFailures = 0;
            this.firstFailedAt = when;
        }
        this.consecutiveFailures++;
        this.lastError = cut(error == null || error.isBlank() ? "no reason given" : error.strip());
        this.lastFailedAt = when;
        if (needsAttentionSince == null && consecutiveFailures >= FAILURES_BEFORE_STAFF_LOOK) {
            this.needsAttentionSince = when;
            return true;
        }
        return false;
    }

    /** What staff are told. */
    public String reason() {
        String failed = "The clock failed " + consecutiveFailures + " time(s) in a row to " + step.words()
                + " (last: " + lastError + ")";
        return needsAttention()
                ? failed + "; it leaves the request to staff until they let it try again"
                : failed + "; it tries again on its next round";
    }

    private static String cut(String text) {
        return text.length() <= ERROR_LENGTH ? text : text.substring(0, ERROR_LENGTH - 1) + "…";
    }

    public boolean needsAttention() {
        return needsAttentionSince != null;
    }

    public long requestId() {
        return requestId;
    }

    public RequestAction step() {
        return step;
    }

    public int consecutiveFailures() {
        return consecutiveFailures;
    }

    public String lastError() {
        return lastError;
    }

    public Instant firstFailedAt() {
        return firstFailedAt;
    }

    public Instant lastFailedAt() {
        return lastFailedAt;
    }

    public Instant needsAttentionSince() {
        return needsAttentionSince;
    }
}
