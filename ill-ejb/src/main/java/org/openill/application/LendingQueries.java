package org.openill.application;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.openill.domain.catalogue.CirculationStatus;
import org.openill.domain.library.AgencyId;
import org.openill.domain.library.LocationType;
import org.openill.domain.request.RequestState;
import org.openill.domain.request.RotaEntryStatus;
import org.openill.domain.request.ServiceType;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The lending ILL office's view: the requests partner libraries sent it, oldest answer due first, each with the
 * copies it may supply. Copies in reference rooms are never offered, nor copies in collections the agreement
 * excludes, nor (for loans) copies not on the shelf or in collections that do not lend through ILL.
 */
@Stateless
public class LendingQueries {

    static final List<RequestState> AWAITING_SUPPLY = List.of(RequestState.REQUEST_RECEIVED,
            RequestState.EXPECT_TO_SUPPLY, RequestState.WILL_SUPPLY, RequestState.RETRY_POSSIBLE);

    @PersistenceContext(unitName = "ill")
    private EntityManager em;

    public List<IncomingRequest> incoming(String isil) {
        String lenderIsil = AgencyId.lookupValue(isil);
        List<Object[]> rows = em.createQuery("""
                        SELECT r.id, r.version, b.agencyId.value, b.name, r.serviceType, r.state, r.description.title,
                               r.description.authors, r.description.isbn, r.description.issn, r.description.partTitle,
                               r.description.pages, e.answerDueAt, rec.id, e.agreement.id
                        FROM RotaEntry e JOIN e.request r JOIN r.borrower b LEFT JOIN r.record rec
                        WHERE e.lender.agencyId.value = :isil AND e.status = :asked AND r.lender = e.lender
                          AND r.state IN :states
                        ORDER BY e.answerDueAt, r.id""", Object[].class)
                .setParameter("isil", lenderIsil).setParameter("asked", RotaEntryStatus.ASKED)
                .setParameter("states", AWAITING_SUPPLY).getResultList();
        Map<Long, List<IncomingRequest.SuppliableCopy>> copies = suppliableCopies(lenderIsil, rows);
        List<IncomingRequest> incoming = new ArrayList<>();
        for (Object[] row : rows) {
            long id = (Long) row[0];
            incoming.add(new IncomingRequest(id, (Long) row[1], (String) row[2], (String) row[3], (ServiceType) row[4],
                    (RequestState) row[5], (String) row[6], (String) row[7], (String) row[8], (String) row[9],
                    (String) row[10], (String) row[11], (Instant) row[12], copies.getOrDefault(id, List.of())));
        }
        return incoming;
    }

    /** One query for the copies of every request listed, instead of one per request. */
    private Map<Long, List<IncomingRequest.SuppliableCopy>> suppliableCopies(String lenderIsil, List<Object[]> rows) {
        Map<Long, List<Long>> requestsByRecord = new LinkedHashMap<>();
        Map<Long, ServiceType> serviceByRequest = new LinkedHashMap<>();
        Map<Long, Long> agreementByRequest = new LinkedHashMap<>();
        for (Object[] row : rows) {
            if (row[13] != null) {
                requestsByRecord.computeIfAbsent((Long) row[13], record -> new ArrayList<>()).add((Long) row[0]);
                serviceByRequest.put((Long) row[0], (ServiceType) row[4]);
                agreementByRequest.put((Long) row[0], (Long) row[14]);
            }
        }
        Map<Long, List<IncomingRequest.SuppliableCopy>> copies = new LinkedHashMap<>();
        if (requestsByRecord.isEmpty()) {
            return copies;
        }
        Set<List<Long>> excluded = new HashSet<>();
        for (Object[] pair : em.createQuery("""
                        SELECT a.id, x.id FROM PartnerAgreement a JOIN a.excludedLocations x WHERE a.id IN :agreements""",
                        Object[].class)
                .setParameter("agreements", new HashSet<>(agreementByRequest.values())).getResultList()) {
            excluded.add(List.of((Long) pair[0], (Long) pair[1]));
        }
        List<Object[]> holdings = em.createQuery("""
                        SELECT h.record.id, h.barcode, h.callNumber, c.name, c.type, c.illLendable, h.circulationStatus,
                               c.id
                        FROM Holding h JOIN h.location c JOIN c.branch b
                        WHERE b.library.agencyId.value = :isil AND h.record.id IN :records
                        ORDER BY h.id""", Object[].class)
                .setParameter("isil", lenderIsil).setParameter("records", requestsByRecord.keySet()).getResultList();
        for (Object[] holding : holdings) {
            LocationType type = (LocationType) holding[4];
            CirculationStatus status = (CirculationStatus) holding[6];
            if (type.isReferenceRoom() || status == CirculationStatus.MISSING) {
                continue;
            }
            for (long requestId : requestsByRecord.get((Long) holding[0])) {
                boolean loan = serviceByRequest.get(requestId) == ServiceType.LOAN;
                if (loan && (!(Boolean) holding[5] || status != CirculationStatus.AVAILABLE)
                        || excluded.contains(List.of(agreementByRequest.get(requestId), (Long) holding[7]))) {
                    continue;
                }
                copies.computeIfAbsent(requestId, id -> new ArrayList<>()).add(new IncomingRequest.SuppliableCopy(
                        requestId, (String) holding[1], (String) holding[2], (String) holding[3], status.name()));
            }
        }
        return copies;
    }
}
