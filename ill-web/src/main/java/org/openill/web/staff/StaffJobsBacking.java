package org.openill.web.staff;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.openill.application.staff.StaffJobs;
import org.openill.infrastructure.batch.BatchJobs;
import org.openill.web.common.Texts;

import java.util.List;

/** The batch jobs page: every execution with its steps and counts; start, stop, restart. */
@Named
@RequestScoped
public class StaffJobsBacking {

    @Inject
    StaffJobs jobs;

    private List<BatchJobs.ExecutionLine> executions;
    private java.time.LocalDate from = java.time.YearMonth.now(java.time.ZoneOffset.UTC).minusMonths(1).atDay(1);
    private java.time.LocalDate until = java.time.YearMonth.now(java.time.ZoneOffset.UTC).minusMonths(1).atEndOfMonth();

    public List<String> getJobs() {
        return jobs.jobs();
    }

    public List<BatchJobs.ExecutionLine> getExecutions() {
        if (executions == null) {
            executions = jobs.executions();
        }
        return executions;
    }

    public void start(String job) {
        act(() -> jobs.start(job), "jobs.done.started", job);
    }

    /** Starts the fee settlement of the period chosen. */
    public void settleFees() {
        try {
            act(() -> jobs.settleFees(from, until), "jobs.done.started", "fee-settlement");
        } catch (org.openill.domain.IllException refused) {
            Texts.refused(null, refused);
        }
    }

    public java.time.LocalDate getFrom() {
        return from;
    }

    public void setFrom(java.time.LocalDate from) {
        this.from = from;
    }

    public java.time.LocalDate getUntil() {
        return until;
    }

    public void setUntil(java.time.LocalDate until) {
        this.until = until;
    }

    public void stop(long execution) {
        act(() -> {
            jobs.stop(execution);
            return execution;
        }, "jobs.stopping", String.valueOf(execution));
    }

    public void restart(long execution) {
        act(() -> jobs.restart(execution), "jobs.restarted", String.valueOf(execution));
    }

    private void act(java.util.function.LongSupplier step, String doneKey, String what) {
        try {
            long id = step.getAsLong();
            Texts.message(null, FacesMessage.SEVERITY_INFO, doneKey, what, String.valueOf(id));
        } catch (jakarta.batch.operations.BatchRuntimeException refused) {
            Texts.message(null, FacesMessage.SEVERITY_ERROR, "jobs.refused", what, String.valueOf(refused.getMessage()));
        }
        executions = null;
    }
}
