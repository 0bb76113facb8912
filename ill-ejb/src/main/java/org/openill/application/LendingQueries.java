package org.openill.application;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.openill.domain.agreement.PartnerAgreement;
import org.openill.domain.agreement.SupplyRule;
import org.openill.domain.catalogue.Holding;
import org.openill.domain.library.AgencyId;
import org.openill.domain.lending.SupplierState;
import java.util.Arrays;
import org.openill.domain.request.ServiceType;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The lending ILL office's view: the requests partner libraries sent it, oldest answer due first, each with the
 * copies it may supply by the one {@link SupplyRule} that the supply itself keeps: never a copy in a reference room,
 * in a collection the agreement excludes or that does not supply the service, or not on the shelf.
 */
@Stateless
public class LendingQueries {

    @PersistenceContext(unitName = "ill")
    private EntityManager em;

    public List<IncomingRequest> incoming(String isil) {
        return lendingRecords(isil, "r.state IN :states", "states",
                Arrays.stream(SupplierState.values()).filter(SupplierState::isToAnswer).toList());
    }

    /**
     * The lender's records of those ids, whatever their state, each with the copies it may supply: what its pick
     * slips and shipping labels print. Another library's records are not among them.
     */
    public List<IncomingRequest> lendingRecords(String isil, java.util.Collection<Long> ids) {
        return ids.isEmpty() ? List.of() : lendingRecords(isil, "r.id IN :ids", "ids", ids);
    }

    private List<IncomingRequest> lendingRecords(String isil, String condition, String parameter, Object value) {
        String lenderIsil = AgencyId.lookupValue(isil);
        List<Object[]> rows = em.createQuery("""
                        SELECT r.id, r.version, r.requestingAgency.value, b.name, r.serviceType, r.state,
                               r.description.title, r.description.authors, r.description.isbn, r.description.issn,
                               r.description.partTitle, r.description.pages, r.createdAt, rec.id, a.id
                        FROM SupplierRequest r JOIN r.lender l LEFT JOIN r.borrower b LEFT JOIN r.record rec
                             LEFT JOIN r.agreement a
                        WHERE l.agencyId.value = :isil AND """ + " " + condition + """

                        ORDER BY r.createdAt, r.id""", Object[].class)
                .setParameter("isil", lenderIsil).setParameter(parameter, value)
                .getResultList();
        Map<Long, List<IncomingRequest.SuppliableCopy>> copies = suppliableCopies(lenderIsil, rows);
        List<IncomingRequest> incoming = new ArrayList<>();
        for (Object[] row : rows) {
            long id = (Long) row[0];
            incoming.add(new IncomingRequest(id, (Long) row[1], (String) row[2], (String) row[3], (ServiceType) row[4],
                    (SupplierState) row[5], (String) row[6], (String) row[7], (String) row[8], (String) row[9],
                    (String) row[10], (String) row[11], (Instant) row[12], copies.getOrDefault(id, List.of())));
        }
        return incoming;
    }

    /**
     * The copies of every request listed that the one {@link SupplyRule} lets the lender supply, on the lender's
     * date: one query for the holdings and one for the agreements, instead of some per request.
     */
    private Map<Long, List<IncomingRequest.SuppliableCopy>> suppliableCopies(String lenderIsil, List<Object[]> rows) {
        Map<Long, List<Long>> requestsByRecord = new LinkedHashMap<>();
        Map<Long, ServiceType> serviceByRequest = new LinkedHashMap<>();
        Map<Long, Long> agreementByRequest = new LinkedHashMap<>();
        for (Object[] row : rows) {
            if (row[13] != null && row[14] != null) {
                requestsByRecord.computeIfAbsent((Long) row[13], record -> new ArrayList<>()).add((Long) row[0]);
                serviceByRequest.put((Long) row[0], (ServiceType) row[4]);
                agreementByRequest.put((Long) row[0], (Long) row[14]);
            }
        }
        Map<Long, List<IncomingRequest.SuppliableCopy>> copies = new LinkedHashMap<>();
        if (requestsByRecord.isEmpty()) {
            return copies;
        }
        Map<Long, PartnerAgreement> agreements = new HashMap<>();
        for (PartnerAgreement agreement : em.createQuery("""
                        SELECT DISTINCT a FROM PartnerAgreement a LEFT JOIN FETCH a.excludedLocations
                        WHERE a.id IN :agreements""", PartnerAgreement.class)
                .setParameter("agreements", new HashSet<>(agreementByRequest.values())).getResultList()) {
            agreements.put(agreement.id(), agreement);
        }
        List<Holding> holdings = em.createQuery("""
                        SELECT h FROM Holding h JOIN FETCH h.record JOIN FETCH h.location c JOIN FETCH c.branch b
                               JOIN FETCH b.library l
                        WHERE l.agencyId.value = :isil AND h.record.id IN :records
                        ORDER BY h.id""", Holding.class)
                .setParameter("isil", lenderIsil).setParameter("records", requestsByRecord.keySet()).getResultList();
        for (Holding holding : holdings) {
            LocalDate lenderToday = LocalDate.now(holding.location().branch().library().timeZone());
            for (long requestId : requestsByRecord.get(holding.record().id())) {
                PartnerAgreement agreement = agreements.get(agreementByRequest.get(requestId));
                if (SupplyRule.refusal(holding, agreement, serviceByRequest.get(requestId), lenderToday).isEmpty()) {
                    copies.computeIfAbsent(requestId, id -> new ArrayList<>()).add(new IncomingRequest.SuppliableCopy(
                            requestId, holding.barcode(), holding.callNumber(), holding.location().name(),
                            holding.circulationStatus().name()));
                }
            }
        }
        return copies;
    }
}
