package org.openill.infrastructure.scheduling;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import org.openill.application.BorrowingService;
import org.openill.application.ClockWork;
import org.openill.domain.Actor;
import org.openill.domain.IllException;
import org.openill.domain.request.ClockFailure;
import org.openill.domain.request.RequestAction;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.LongPredicate;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The short sweep of the passing of time: a request that waits past its deadline (a lender that does not answer or
 * does not ship what it promised, conditions nobody decides on) moves on to the next lender of the rota. It sweeps
 * every ten minutes, and once right after start-up for what fell due while the server was down (it looks at states
 * and dates, not at when it last ran, so catching up is just sweeping). The nightly work on loans (overdue, due soon,
 * reminders, status requests, stuck records) is the loan-reconciliation batch job's. Each request is a transaction of its own; a request the clock fails on is logged and counted, and after
 * repeated failures left to staff ({@link ClockWork}). Each sweep holds a PostgreSQL advisory lock, so that when
 * several servers share the database only one of them sweeps.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigrations")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN) // the advisory lock keeps sweeps apart, here and on other servers
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // each request moves on in a transaction of its own
public class LendingClock {

    private static final Logger LOG = Logger.getLogger(LendingClock.class.getName());

    /** The clock's sweeps, each with the key of its PostgreSQL advisory lock. */
    public enum Sweep {
        PAST_DEADLINES(1_862_600_002L, "requests waiting past their deadline", "request(s) moved on to the next lender",
                RequestAction.NO_ANSWER);

        private final long lockKey;
        private final String what;
        private final String done;
        private final RequestAction step;

        Sweep(long lockKey, String what, String done, RequestAction step) {
            this.lockKey = lockKey;
            this.what = what;
            this.done = done;
            this.step = step;
        }

        /** The key of the advisory lock held while the sweep runs (pg_try_advisory_xact_lock(bigint)). */
        public long lockKey() {
            return lockKey;
        }

        String what() {
            return what;
        }

        String done() {
            return done;
        }

        RequestAction step() {
            return step;
        }
    }

    @Resource(lookup = "java:jboss/datasources/IllDS")
    private DataSource dataSource;

    @Resource
    private TimerService timers;

    @EJB
    private BorrowingService borrowing;

    @EJB
    private ClockWork work;

    @PostConstruct
    void catchUpSoonAfterStartUp() {
        // a timer rather than the work itself, so that the deployment does not wait for the catch-up
        timers.createSingleActionTimer(1, new TimerConfig("catch up after start-up", false));
    }

    @Timeout
    void afterStartUp() {
        catchUp(Instant.now());
    }

    @Schedule(hour = "*", minute = "*/10", persistent = false)
    void everyTenMinutes() {
        catchUp(Instant.now());
    }

    /**
     * Brings every request up to the instant: what start-up runs for what fell due while the server was down, and
     * what runs every ten minutes.
     */
    public List<SweepReport> catchUp(Instant now) {
        return List.of(moveOnPastDeadlines(now));
    }

    /**
     * Moves on every request that waited past its deadline by the instant: a lender that did not answer or did not
     * ship what it promised, conditions the borrowing office or the reader did not decide on.
     */
    public SweepReport moveOnPastDeadlines(Instant now) {
        return sweep(Sweep.PAST_DEADLINES, () -> work.requestsPastDeadline(now),
                id -> borrowing.moveOnPastDeadline(Actor.SYSTEM, id, now), now);
    }

    private SweepReport sweep(Sweep sweep, Supplier<List<Long>> due, LongPredicate step, Instant now) {
        SweepReport report;
        try (Connection lockHolder = dataSource.getConnection()) {
            // Transaction-level lock in a local transaction of a connection of its own, held for the whole sweep: the
            // requests' JTA transactions run on other connections, and ending this one always frees the lock.
            lockHolder.setAutoCommit(false);
            try {
                report = tryLock(lockHolder, sweep)
                        ? eachInItsOwnTransaction(sweep, due.get(), step, now)
                        : SweepReport.notRun(sweep, "another server holds its lock (" + sweep.lockKey()
                                + ") and is sweeping now; nothing done here");
            } finally {
                lockHolder.rollback();
            }
        } catch (SQLException | RuntimeException e) {
            // the database is unreachable, or the requests due could not be read: the next round tries again
            report = SweepReport.notRun(sweep, ClockWork.describe(e));
            LOG.log(Level.WARNING, report.summary(), e);
            return report;
        }
        if (report.worthLogging()) {
            LOG.info(report.summary());
        }
        return report;
    }

    private static boolean tryLock(Connection connection, Sweep sweep) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT pg_try_advisory_xact_lock(?)")) {
            statement.setLong(1, sweep.lockKey());
            try (ResultSet result = statement.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }

    private SweepReport eachInItsOwnTransaction(Sweep sweep, List<Long> due, LongPredicate step, Instant now) {
        Set<Long> failing = work.failing();
        List<Long> done = new ArrayList<>();
        List<Long> failed = new ArrayList<>();
        List<Long> leftToStaff = new ArrayList<>();
        for (long id : due) {
            boolean moved;
            try {
                moved = step.test(id);
            } catch (RuntimeException failure) {
                failed.add(id);
                if (recordFailure(sweep, id, ClockWork.describe(failure), now)) {
                    leftToStaff.add(id);
                }
                continue;
            }
            if (moved) {
                done.add(id);
            }
            if (failing.contains(id)) {
                forgetFailures(id);
            }
        }
        return new SweepReport(sweep, null, done, failed, leftToStaff);
    }

    private boolean recordFailure(Sweep sweep, long id, String error, Instant now) {
        LOG.warning(() -> "The clock failed on request #" + id + " (" + sweep.step().words() + "): " + error);
        try {
            boolean leftToStaff = work.recordFailure(id, sweep.step(), error, now);
            if (leftToStaff) {
                LOG.warning(() -> "Request #" + id + " is left to staff: the clock failed on it "
                        + ClockFailure.FAILURES_BEFORE_STAFF_LOOK + " times in a row");
            }
            return leftToStaff;
        } catch (RuntimeException notRecorded) {
            LOG.log(Level.WARNING, "The clock's failure on request #" + id + " could not be recorded", notRecorded);
            return false;
        }
    }

    private void forgetFailures(long id) {
        try {
            work.forgetFailures(id);
        } catch (RuntimeException notForgotten) {
            LOG.log(Level.WARNING, "The clock's past failures on request #" + id + " could not be cleared", notForgotten);
        }
    }
}
