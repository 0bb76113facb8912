package org.openill.infrastructure.batch;

import jakarta.annotation.Resource;
import jakarta.batch.api.listener.AbstractJobListener;
import jakarta.batch.runtime.context.JobContext;
import jakarta.inject.Inject;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Named;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * One execution of a job at a time across every server sharing the database: before the job runs, it takes a
 * PostgreSQL advisory lock named after the job on a connection of its own, held until the job ends (and freed by the
 * database if the server dies, its connections with it). A second execution that finds the lock taken fails at once, doing nothing.
 */
@Named
@Dependent
public class SingleExecution extends AbstractJobListener {

    /** The exit status of an execution refused because another one of the same job runs. */
    public static final String REFUSED = "ANOTHER_EXECUTION_RUNNING";

    @Inject
    JobContext job;

    @Resource(lookup = "java:comp/DefaultDataSource")
    DataSource dataSource;

    private Connection lockHolder;
    private boolean locked;

    @Override
    public void beforeJob() throws SQLException {
        lockHolder = dataSource.getConnection();
        try (PreparedStatement lock = lockHolder.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
            lock.setLong(1, lockKey(job.getJobName()));
            try (ResultSet result = lock.executeQuery()) {
                locked = result.next() && result.getBoolean(1);
                if (!locked) {
                    release();
                    job.setExitStatus(REFUSED);
                    throw new IllegalStateException("Another execution of " + job.getJobName()
                            + " is running; this one does nothing");
                }
            }
        }
    }

    @Override
    public void afterJob() throws SQLException {
        release();
    }

    /** Frees the lock (the pooled connection outlives this use of it) and gives the connection back. */
    private void release() throws SQLException {
        if (lockHolder != null) {
            try (Connection connection = lockHolder) {
                if (locked) {
                    try (PreparedStatement unlock = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
                        unlock.setLong(1, lockKey(job.getJobName()));
                        unlock.execute();
                    }
                }
            } finally {
                lockHolder = null;
                locked = false;
            }
        }
    }

    /** The lock's key: one per job name, apart from the lending clock's keys. */
    public static long lockKey(String jobName) {
        return 1_862_700_000L + (jobName.hashCode() & 0xffff);
    }
}
