package org.openill.infrastructure.batch;

import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.runtime.context.JobContext;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.openill.application.report.CooperationReports;
import org.openill.application.report.ReportPeriod;

import java.time.LocalDate;

/**
 * Compiles the cooperation reports of the periods (job parameters {@code periods}: month, quarter and/or year,
 * comma-separated; {@code from}: a day of them; {@code library}: a library's id, or empty for the network), each by
 * set-based statements in one transaction, so a crash leaves the earlier report or the new one whole, and a restart compiles it again from the start.
 */
@Named
@Dependent
public class CompileReport extends AbstractBatchlet {

    @Inject
    @BatchProperty
    String periods;

    @Inject
    @BatchProperty
    String from;

    @Inject
    @BatchProperty
    String library;

    @Inject
    JobContext job;

    @EJB
    CooperationReports reports;

    @Override
    public String process() {
        Long scope = library == null || library.isBlank() ? null : Long.valueOf(library.strip());
        LocalDate day = LocalDate.parse(from);
        StringBuilder done = new StringBuilder();
        for (String period : periods.split(",")) {
            ReportPeriod kind = ReportPeriod.named(period);
            long id = reports.compile(kind, day, scope, job.getExecutionId());
            done.append(done.isEmpty() ? "" : "; ").append("report ").append(id).append(": ")
                    .append(kind.name().toLowerCase(java.util.Locale.ROOT)).append(" of ").append(kind.firstDayOf(day));
        }
        return done + (scope == null ? " (network)" : " (library " + scope + ")");
    }
}
