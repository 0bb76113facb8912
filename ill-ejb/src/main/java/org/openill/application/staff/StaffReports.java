package org.openill.application.staff;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.openill.application.LibraryChoice;
import org.openill.application.report.CooperationReports;
import org.openill.application.report.ReportPeriod;
import org.openill.domain.InvalidInputException;
import org.openill.domain.NotFoundException;
import org.openill.domain.library.AgencyId;
import org.openill.infrastructure.batch.BatchJobs;

import java.time.LocalDate;
import java.util.List;

/**
 * Cooperation reports in the back office: a library's staff read the reports about their library and the network's,
 * seeing only their own library's figures, pairs, fees and titles; network administrators read everything and compile
 * reports for any period and scope.
 */
@Stateless
@RolesAllowed({"ILL_STAFF", "NETWORK_ADMIN"})
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class StaffReports {

    @EJB
    private StaffCaller caller;

    @EJB
    private CooperationReports reports;

    @EJB
    private BatchJobs jobs;

    @PersistenceContext(unitName = "ill")
    private EntityManager em;

    public List<CooperationReports.Report> reports() {
        return reports.reports(viewer(), 200);
    }

    /** The report as the caller may see it (not found: no such report, or another library's). */
    public CooperationReports.Contents read(long reportId) {
        return reports.read(reportId, viewer());
    }

    /** The libraries hosted here, for the choice of a report's scope. */
    @RolesAllowed("NETWORK_ADMIN")
    public List<LibraryChoice> libraries() {
        return em.createQuery("SELECT l.agencyId.value, l.name FROM Library l WHERE l.hosted = true"
                        + " ORDER BY l.agencyId.value", Object[].class).getResultList().stream()
                .map(row -> new LibraryChoice((String) row[0], (String) row[1])).toList();
    }

    /** Starts compiling the report of the period holding the day, of a library (ISIL) or the network (blank). */
    @RolesAllowed("NETWORK_ADMIN")
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public long compile(ReportPeriod period, LocalDate day, String isil) {
        if (period == null) {
            throw new InvalidInputException("period", "Choose a month, a quarter or a year");
        }
        if (day == null) {
            throw new InvalidInputException("day", "Choose a day of the period to report on");
        }
        Long library = null;
        if (isil != null && !isil.isBlank()) {
            library = em.createQuery("SELECT l.id FROM Library l WHERE l.agencyId.value = :isil", Long.class)
                    .setParameter("isil", AgencyId.lookupValue(isil)).getResultStream().findFirst()
                    .orElseThrow(() -> new NotFoundException("No library " + isil + " to report on"));
        }
        return jobs.compileReports(List.of(period), day, library);
    }

    private Long viewer() {
        return caller.isNetworkAdmin() ? null : caller.ownLibrary().id();
    }
}
