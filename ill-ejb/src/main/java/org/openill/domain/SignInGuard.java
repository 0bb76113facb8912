package org.openill.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The one rule against guessing a reader's PIN or a staff member's password: {@value #WRONG_BEFORE_LOCK} wrong ones in
 * a row lock the account out of signing in for {@link #LOCK} (a right one meanwhile starts the count again).
 */
@Embeddable
public class SignInGuard {

    public static final int WRONG_BEFORE_LOCK = 5;
    public static final Duration LOCK = Duration.ofMinutes(15);

    @Column(name = "failed_sign_ins", nullable = false)
    private int failedSignIns;

    @Column(name = "sign_in_locked_until")
    private Instant lockedUntil;

    /** Until when the account cannot sign in; empty when it can. */
    public Optional<Instant> lockedAt(Instant now) {
        return lockedUntil != null && now.isBefore(lockedUntil) ? Optional.of(lockedUntil) : Optional.empty();
    }

    /** Counts a wrong secret; the {@value #WRONG_BEFORE_LOCK}th in a row locks the account for {@link #LOCK}. */
    public void wrong(Instant now) {
        failedSignIns++;
        if (failedSignIns >= WRONG_BEFORE_LOCK) {
            lockedUntil = now.plus(LOCK);
            failedSignIns = 0;
        }
    }

    /** The right secret (or a new one): the count starts again and a lock ends. */
    public void cleared() {
        failedSignIns = 0;
        lockedUntil = null;
    }

    public int wrongInARow() {
        return failedSignIns;
    }
}
