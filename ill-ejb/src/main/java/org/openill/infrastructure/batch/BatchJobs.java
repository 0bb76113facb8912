package org.openill.infrastructure.batch;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.JobExecution;
import jakarta.batch.runtime.JobInstance;
import jakarta.batch.runtime.Metric;
import jakarta.batch.runtime.StepExecution;
import jakarta.ejb.ScheduleExpression;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import org.openill.application.report.ReportPeriod;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The batch jobs' operation: the loan reconciliation started every night by a timer at the time configured
 * (ILL_RECONCILIATION_AT, HH:MM in the server's zone, 02:30 by default), the fee settlement of the month before an hour
 * later on each month's first day and the cooperation reports of the month (quarter, year) ended an hour after that,
 * each by an administrator too; stopped and restarted; listed with their steps. At start-up, executions a crash left
 * "started" while no server runs them are marked failed (exit status CRASHED), so that they can be restarted from
 * their last checkpoint instead of hanging; and a nightly reconciliation missed while no server ran is caught up: the
 * one a crash interrupted is restarted from its checkpoint, else one is started (ILL_RECONCILIATION_CATCH_UP=false
 * turns this off).
 */
@Singleton
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class BatchJobs {

    private static final Logger LOG = Logger.getLogger(BatchJobs.class.getName());

    /** The jobs of the application (META-INF/batch-jobs). */
    public static final List<String> JOBS = List.of("loan-reconciliation", "fee-settlement", "cooperation-report");

    /** The exit status of an execution found started after a crash. */
    public static final String CRASHED = "CRASHED";

    @Resource
    private TimerService timers;

    @Resource(lookup = "java:comp/DefaultDataSource")
    private DataSource dataSource;

    @PostConstruct
    void atStartUp() {
        LocalTime at = reconciliationTime();
        timers.createCalendarTimer(new ScheduleExpression().hour(at.getHour()).minute(at.getMinute()).second(0),
                new TimerConfig("loan-reconciliation", false));
        // the month's fees are settled on its next month's first day, an hour after the reconciliation
        timers.createCalendarTimer(new ScheduleExpression().dayOfMonth(1).hour((at.getHour() + 1) % 24)
                .minute(at.getMinute()).second(0), new TimerConfig("fee-settlement", false));
        // and the month's cooperation report (the quarter's and the year's too when they end) an hour later still
        timers.createCalendarTimer(new ScheduleExpression().dayOfMonth(1).hour((at.getHour() + 2) % 24)
                .minute(at.getMinute()).second(0), new TimerConfig("cooperation-report", false));
        try {
            markCrashed();
        } catch (RuntimeException | SQLException failed) {
            LOG.log(Level.WARNING, "Executions left started by a crash could not be checked", failed);
        }
        if (catchUpAtStartUp()) {
            // a timer rather than the job itself, so that it starts once the application (and its schema) is up
            timers.createSingleActionTimer(5_000, new TimerConfig(CATCH_UP, false));
        }
    }

    /** The information of the timer that catches up on a nightly reconciliation missed while no server ran. */
    private static final String CATCH_UP = "catch up on the loan reconciliation";

    /** Whether start-up catches up on a missed nightly run: ILL_RECONCILIATION_CATCH_UP (true unless "false"). */
    static boolean catchUpAtStartUp() {
        String configured = System.getProperty("ill.reconciliation.catch-up",
                System.getenv("ILL_RECONCILIATION_CATCH_UP"));
        return configured == null || !configured.strip().equalsIgnoreCase("false");
    }

    /**
     * Whether the nightly run at the time given (in the zone) was missed: no run completed since the latest time it
     * was due before now (or none ever did).
     */
    static boolean missedNightlyRun(Instant lastCompleted, Instant now, LocalTime at, java.time.ZoneId zone) {
        java.time.ZonedDateTime today = now.atZone(zone).toLocalDate().atTime(at).atZone(zone);
        Instant lastDue = today.toInstant().isAfter(now) ? today.minusDays(1).toInstant() : today.toInstant();
        return lastCompleted == null || lastCompleted.isBefore(lastDue);
    }

    /** The job's latest execution, or null if it never ran. */
    private JobExecution latestExecution(String job) {
        JobOperator operator = operator();
        try {
            List<JobInstance> latest = operator.getJobInstances(job, 0, 1);
            if (latest.isEmpty()) {
                return null;
            }
            return operator.getJobExecutions(latest.get(0)).stream()
                    .max(Comparator.comparingLong(JobExecution::getExecutionId)).orElse(null);
        } catch (jakarta.batch.operations.NoSuchJobException never) {
            return null;
        }
    }

    /** When the last execution of the job that completed ended; null if none did. */
    private Instant lastCompleted(String job) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement last = connection.prepareStatement("""
                     SELECT MAX(e.endtime) FROM job_execution e JOIN job_instance i ON i.jobinstanceid = e.jobinstanceid
                     WHERE i.jobname = ? AND e.batchstatus = 'COMPLETED'""")) {
            last.setString(1, job);
            try (var result = last.executeQuery()) {
                java.sql.Timestamp ended = result.next() ? result.getTimestamp(1) : null;
                return ended == null ? null : ended.toInstant();
            }
        }
    }

    @Timeout
    void onSchedule(jakarta.ejb.Timer timer) {
        String job = String.valueOf(timer.getInfo());
        try {
            if (CATCH_UP.equals(job)) {
                Instant last = lastCompleted("loan-reconciliation");
                if (missedNightlyRun(last, Instant.now(), reconciliationTime(), java.time.ZoneId.systemDefault())) {
                    JobExecution crashed = latestExecution("loan-reconciliation");
                    if (crashed != null && crashed.getBatchStatus() == jakarta.batch.runtime.BatchStatus.FAILED
                            && CRASHED.equals(crashed.getExitStatus())) {
                        long restarted = restart(crashed.getExecutionId());
                        LOG.info(() -> "The loan reconciliation a crash interrupted (execution "
                                + crashed.getExecutionId() + ") goes on from its last checkpoint: execution "
                                + restarted);
                    } else {
                        LOG.info(() -> "The nightly loan reconciliation was missed (last completed: " + last
                                + "); it runs now");
                        start("loan-reconciliation");
                    }
                }
                return;
            }
            start(job);
        } catch (RuntimeException | SQLException failed) {
            LOG.log(Level.WARNING, "The scheduled batch job " + job + " could not be started", failed);
        }
    }

    /** When the nightly reconciliation runs: ILL_RECONCILIATION_AT (or -Dill.reconciliation.at), else 02:30. */
    static LocalTime reconciliationTime() {
        String configured = System.getProperty("ill.reconciliation.at", System.getenv("ILL_RECONCILIATION_AT"));
        try {
            return configured == null || configured.isBlank() ? LocalTime.of(2, 30) : LocalTime.parse(configured.strip());
        } catch (java.time.format.DateTimeParseException unreadable) {
            LOG.warning(() -> "ILL_RECONCILIATION_AT=" + configured + " is not a time (HH:MM); the default 02:30 is used");
            return LocalTime.of(2, 30);
        }
    }

    /**
     * Starts the job as of now (the fee settlement: for last month; the cooperation report: the network's for last
     * month, and for last quarter and last year too when they have just ended); its (first) execution id.
     */
    public long start(String job) {
        java.time.YearMonth last = java.time.YearMonth.now(java.time.ZoneOffset.UTC).minusMonths(1);
        if ("fee-settlement".equals(job)) {
            return settleFees(last.atDay(1), last.atEndOfMonth());
        }
        if ("cooperation-report".equals(job)) {
            List<ReportPeriod> ended = last.getMonthValue() == 12 ? List.of(ReportPeriod.values())
                    : last.getMonthValue() % 3 == 0 ? List.of(ReportPeriod.MONTH, ReportPeriod.QUARTER)
                    : List.of(ReportPeriod.MONTH);
            return compileReports(ended, last.atDay(1), null);
        }
        return start(job, Instant.now());
    }

    /**
     * Starts compiling the cooperation reports of the periods (one after the other) holding the day, of a library
     * (its id) or of the network (null); the execution id.
     */
    public long compileReports(List<ReportPeriod> periods, java.time.LocalDate day, Long libraryId) {
        Properties parameters = new Properties();
        parameters.setProperty("periods", String.join(",", periods.stream().map(ReportPeriod::name).toList()));
        parameters.setProperty("from", day.toString());
        parameters.setProperty("library", libraryId == null ? "" : libraryId.toString());
        long id = operator().start("cooperation-report", parameters);
        LOG.info(() -> "Batch job cooperation-report started for " + parameters + ": execution " + id);
        return id;
    }

    /** Starts the fee settlement of the period (first to last day, UTC); its execution id. */
    public long settleFees(java.time.LocalDate from, java.time.LocalDate until) {
        Properties parameters = new Properties();
        parameters.setProperty("from", from.toString());
        parameters.setProperty("until", until.toString());
        long id = operator().start("fee-settlement", parameters);
        LOG.info(() -> "Batch job fee-settlement started for " + from + " to " + until + ": execution " + id);
        return id;
    }

    /** Starts the job as of the instant (what "today" and "past due" mean for it); its execution id. */
    public long start(String job, Instant asOf) {
        requireKnown(job);
        Properties parameters = new Properties();
        parameters.setProperty("asOf", asOf.toString());
        long id = operator().start(job, parameters);
        LOG.info(() -> "Batch job " + job + " started: execution " + id);
        return id;
    }

    public void stop(long executionId) {
        operator().stop(executionId);
    }

    /** Restarts a failed or stopped execution from its last checkpoint, as of the same instant; the new execution. */
    public long restart(long executionId) {
        Properties parameters = operator().getParameters(executionId);
        return operator().restart(executionId, parameters == null ? new Properties() : parameters);
    }

    /** One execution of a job, with its steps. */
    public record ExecutionLine(long id, String job, String status, String exitStatus, Instant started, Instant ended,
                                List<StepLine> steps) {

        public boolean isRunning() {
            return "STARTING".equals(status) || "STARTED".equals(status);
        }

        public boolean isRestartable() {
            return "FAILED".equals(status) || "STOPPED".equals(status);
        }
    }

    /** One step of an execution: how it ended and its counts. */
    public record StepLine(String step, String status, String exitStatus, long read, long written, long skipped,
                           long commits, long rollbacks) {
    }

    /** The latest executions of every job, newest first (at most {@code max}). */
    public List<ExecutionLine> executions(int max) {
        JobOperator operator = operator();
        List<ExecutionLine> lines = new ArrayList<>();
        for (String job : JOBS) {
            int instances;
            try {
                instances = operator.getJobInstanceCount(job);
            } catch (jakarta.batch.operations.NoSuchJobException never) {
                continue;
            }
            for (JobInstance instance : operator.getJobInstances(job, 0, Math.min(instances, max))) {
                for (JobExecution execution : operator.getJobExecutions(instance)) {
                    lines.add(line(operator, execution));
                }
            }
        }
        return lines.stream().sorted(Comparator.comparingLong(ExecutionLine::id).reversed()).limit(max).toList();
    }

    private static ExecutionLine line(JobOperator operator, JobExecution execution) {
        List<StepLine> steps = operator.getStepExecutions(execution.getExecutionId()).stream()
                .map(BatchJobs::step).toList();
        return new ExecutionLine(execution.getExecutionId(), execution.getJobName(),
                String.valueOf(execution.getBatchStatus()), execution.getExitStatus(),
                execution.getStartTime() == null ? null : execution.getStartTime().toInstant(),
                execution.getEndTime() == null ? null : execution.getEndTime().toInstant(), steps);
    }

    private static StepLine step(StepExecution step) {
        return new StepLine(step.getStepName(), String.valueOf(step.getBatchStatus()), step.getExitStatus(),
                metric(step, Metric.MetricType.READ_COUNT), metric(step, Metric.MetricType.WRITE_COUNT),
                metric(step, Metric.MetricType.READ_SKIP_COUNT) + metric(step, Metric.MetricType.PROCESS_SKIP_COUNT)
                        + metric(step, Metric.MetricType.WRITE_SKIP_COUNT),
                metric(step, Metric.MetricType.COMMIT_COUNT), metric(step, Metric.MetricType.ROLLBACK_COUNT));
    }

    private static long metric(StepExecution step, Metric.MetricType type) {
        if (step.getMetrics() == null) {
            return 0;
        }
        for (Metric metric : step.getMetrics()) {
            if (metric.getType() == type) {
                return metric.getValue();
            }
        }
        return 0;
    }

    /**
     * Marks failed (exit status CRASHED) every execution the repository says is running while no server holds its
     * job's lock: a server that ran it died. Its steps' checkpoints stay, so a restart goes on from them.
     */
    public void markCrashed() throws SQLException {
        JobOperator operator = operator();
        for (String job : JOBS) {
            List<Long> running;
            try {
                running = operator.getRunningExecutions(job);
            } catch (jakarta.batch.operations.NoSuchJobException never) {
                continue;
            }
            if (running.isEmpty() || isLocked(job)) {
                continue;
            }
            try (Connection connection = dataSource.getConnection()) {
                for (long id : running) {
                    try (PreparedStatement steps = connection.prepareStatement("""
                            UPDATE step_execution SET batchstatus = 'FAILED', exitstatus = ?, endtime = now()
                            WHERE jobexecutionid = ? AND batchstatus IN ('STARTING', 'STARTED', 'STOPPING')""");
                         PreparedStatement partitions = connection.prepareStatement("""
                            UPDATE partition_execution SET batchstatus = 'FAILED', exitstatus = ?
                            WHERE stepexecutionid IN (SELECT stepexecutionid FROM step_execution WHERE jobexecutionid = ?)
                              AND batchstatus IN ('STARTING', 'STARTED', 'STOPPING')""");
                         PreparedStatement execution = connection.prepareStatement("""
                            UPDATE job_execution SET batchstatus = 'FAILED', exitstatus = ?, endtime = now(),
                                   lastupdatedtime = now()
                            WHERE jobexecutionid = ? AND batchstatus IN ('STARTING', 'STARTED', 'STOPPING')""")) {
                        for (PreparedStatement statement : List.of(steps, partitions, execution)) {
                            statement.setString(1, CRASHED);
                            statement.setLong(2, id);
                            statement.executeUpdate();
                        }
                    }
                    LOG.warning(() -> "Batch job " + job + ", execution " + id + ", was left started by a crash:"
                            + " marked failed (" + CRASHED + "); restart it to go on from its last checkpoint");
                }
            }
        }
    }

    /** Whether some server runs the job now (holds its lock). */
    private boolean isLocked(String job) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement lock = connection.prepareStatement(
                     "SELECT pg_try_advisory_lock(?), pg_advisory_unlock(?)")) {
            lock.setLong(1, SingleExecution.lockKey(job));
            lock.setLong(2, SingleExecution.lockKey(job));
            try (var result = lock.executeQuery()) {
                return result.next() && !result.getBoolean(1);
            }
        }
    }

    private static void requireKnown(String job) {
        if (!JOBS.contains(job)) {
            throw new org.openill.domain.NotFoundException("There is no batch job " + job);
        }
    }

    private static JobOperator operator() {
        return BatchRuntime.getJobOperator();
    }

}
