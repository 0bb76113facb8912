package org.openill.infrastructure.demo;

import jakarta.ejb.Asynchronous;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.openill.application.BorrowingService;
import org.openill.application.LendingService;
import org.openill.domain.Actor;
import org.openill.domain.IllException;
import org.openill.domain.request.BibliographicDescription;
import org.openill.domain.request.LoanCondition;
import org.openill.domain.request.RequestState;
import org.openill.domain.request.ServiceType;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * A living network for newcomers: requests between the demo libraries taken to each state of the borrowing
 * library's record, with the lending libraries' records alongside, through the same services and ISO 18626 messages
 * the ILL offices and readers use (each step a transaction of its own, each message delivered after it). Only
 * generated catalogue records are borrowed, so the fixed records that examples rely on stay on their shelves.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DemoActivity {

    private static final Logger LOG = Logger.getLogger(DemoActivity.class.getName());

    /** Where a demo request is taken, in the order the plan cycles through them. */
    public enum Goal {
        NEW, VALIDATED, REQUEST_RECEIVED, EXPECT_TO_SUPPLY, WILL_SUPPLY, RETRY_POSSIBLE, CONDITIONS_PROPOSED,
        AWAITING_READER_CONSENT, LOANED, RECALLED, RETURN_HELD, SHIPPED_BACK, SHIPPED_FORWARD, LOAN_COMPLETED,
        CHECKED_IN_WITHOUT_SHIPPED_RETURN, COPY_COMPLETED, COMPLETED_WITHOUT_RETURN, UNFILLED, CANCELLED
    }

    private static final String[][] LIBRARIES = {
        {DemoNetwork.NORTH, "NUL"}, {DemoNetwork.SOUTH, "SCL"}, {DemoNetwork.EAST, "ECL"}};

    @EJB
    private DemoNetworkLoader loader;

    @PersistenceContext(unitName = "ill")
    private EntityManager em;

    @EJB
    private BorrowingService borrowing;

    @EJB
    private LendingService lending;

    /**
     * In the background, plays requests until the demo libraries have the given number (so a start interrupted while
     * playing is completed by the next one), and logs what it reached.
     */
    @Asynchronous
    public void playInBackground(int requests, boolean thenAnswerAutomatically) {
        long started = System.nanoTime();
        int present = demoRequests();
        if (present < requests) {
            LOG.info(() -> "Demo activity: playing " + (requests - present) + " requests between the demo libraries");
            Played played = play(requests - present, present);
            LOG.info(() -> "Demo activity played in " + (System.nanoTime() - started) / 1_000_000 + " ms: "
                    + played.reached().values().stream().mapToInt(Integer::intValue).sum() + " requests, by state "
                    + played.reached());
        } else if (!thenAnswerAutomatically) {
            return;
        }
        // the requests played wait where staff left them; new ones to North and South are answered at once
        loader.answerNewRequestsAutomatically();
    }

    /** The requests the demo libraries have as borrowers. */
    public int demoRequests() {
        return ((Number) em.createNativeQuery("""
                        SELECT count(*) FROM ill_request r JOIN library l ON l.id = r.borrower_id
                        WHERE l.agency_id_value IN (?1, ?2, ?3)""")
                .setParameter(1, DemoNetwork.NORTH).setParameter(2, DemoNetwork.SOUTH)
                .setParameter(3, DemoNetwork.EAST).getSingleResult()).intValue();
    }

    /**
     * Plays the given number of requests, cycling through the goals from the given turn; a request a rule stops
     * early (a reader's limit, no lender left) stays where the rule left it.
     *
     * @return how many requests ended in each state of the borrowing library's record, and why some stopped early
     */
    public Played play(int requests, int firstTurn) {
        Map<RequestState, Integer> reached = new EnumMap<>(RequestState.class);
        List<String> stops = new ArrayList<>();
        List<Long> loanable = new ArrayList<>();
        Map<String, List<Long>> candidates = new java.util.HashMap<>();
        int played = 0;
        for (int i = firstTurn; played < requests && i < firstTurn + requests * 3; i++) {
            String[] borrower = LIBRARIES[i % LIBRARIES.length];
            Goal goal = Goal.values()[(firstTurn + played) % Goal.values().length];
            ServiceType service = goal == Goal.COPY_COMPLETED ? ServiceType.COPY : ServiceType.LOAN;
            Long record = nextRecord(borrower[0], service, candidates, loanable, i);
            if (record == null) {
                continue;
            }
            Long id = apply(borrower, record, service, i);
            if (id == null) {
                continue;
            }
            played++;
            try {
                advance(id, borrower[0], goal);
            } catch (IllException stopped) {
                String why = "Demo request #" + id + " stopped on its way to " + goal + ": " + stopped.getMessage();
                LOG.info(why);
                stops.add(why);
            }
            reached.merge(stateOf(id), 1, Integer::sum);
        }
        return new Played(reached, stops);
    }

    /** What a play reached: the requests by state, and the rule that stopped each one that stopped early. */
    public record Played(Map<RequestState, Integer> reached, List<String> stops) {
    }

    private void advance(long id, String borrowerIsil, Goal goal) {
        Actor office = Actor.staff(borrowerIsil, "demo office");
        if (goal == Goal.NEW) {
            return;
        }
        borrowing.validate(office, id, null);
        if (goal == Goal.VALIDATED || !borrowing.route(office, id, null) || goal == Goal.REQUEST_RECEIVED) {
            return;
        }
        Actor lender = Actor.staff(lenderOf(id), "demo lending office");
        switch (goal) {
            case EXPECT_TO_SUPPLY -> lending.expectToSupply(lender, record(id));
            case WILL_SUPPLY -> lending.willSupply(lender, record(id));
            case RETRY_POSSIBLE -> lending.retryPossible(lender, record(id), "At the bindery until next week",
                    java.util.Set.of(), null, Instant.now().plus(Duration.ofDays(10)));
            case CONDITIONS_PROPOSED -> lending.retryPossible(lender, record(id), null, java.util.Set.of(),
                    new BigDecimal("6.00"), null);
            case AWAITING_READER_CONSENT -> {
                lending.retryPossible(lender, record(id), null, java.util.Set.of(LoanCondition.LIBRARY_USE_ONLY),
                        null, null);
                borrowing.acceptConditions(office, id, null);
            }
            case UNFILLED -> {
                while (stateOf(id) == RequestState.REQUEST_RECEIVED) {
                    lending.unfilled(Actor.staff(lenderOf(id), "demo lending office"), record(id),
                            "Not on the shelf");
                }
            }
            case CANCELLED -> {
                lending.willSupply(lender, record(id));
                borrowing.cancel(office, id, null, "The reader found it elsewhere");
            }
            case COPY_COMPLETED -> {
                long record = record(id);
                IllException last = null;
                for (String barcode : copiesAt(id)) {
                    try {
                        lending.deliverCopy(lender, record, barcode, null);
                        return;
                    } catch (IllException notThisOne) {
                        last = notThisOne;
                    }
                }
                throw last != null ? last : new org.openill.domain.IllRuleViolation("no copy to make the copy from");
            }
            default -> loanAndOn(id, office, lender, goal);
        }
    }

    /** The goals past shipping: the loan goes out and is received, then taken on. */
    private void loanAndOn(long id, Actor office, Actor lender, Goal goal) {
        long record = record(id);
        lending.willSupply(lender, record);
        ship(lender, record, id);
        borrowing.receive(office, id, null);
        switch (goal) {
            case RECALLED -> lending.recall(lender, record, 7, "Needed for a course reserve");
            case RETURN_HELD -> borrowing.holdReturn(office, id, null, "The reader is abroad until next month");
            case SHIPPED_BACK -> borrowing.shipBack(office, id, null);
            case SHIPPED_FORWARD -> borrowing.shipForward(office, id, null, "Sent on to the next borrower");
            case LOAN_COMPLETED -> {
                borrowing.requestRenewal(office, id);
                lending.approveRenewal(lender, record);
                borrowing.shipBack(office, id, null);
                lending.checkIn(lender, record);
            }
            case CHECKED_IN_WITHOUT_SHIPPED_RETURN -> lending.checkIn(lender, record);
            case COMPLETED_WITHOUT_RETURN -> borrowing.reportLost(office, id, null, "Lost by the reader");
            default -> {
                // LOANED: stays out
            }
        }
    }

    /** A reader of the library who may still apply: the demo readers are tried in turn. */
    private Long apply(String[] borrower, long record, ServiceType service, int turn) {
        BibliographicDescription description = describe(record, service);
        for (int attempt = 0; attempt < 20; attempt++) {
            String card = String.format("%s-%06d", borrower[1], 1 + (turn + attempt) % 20);
            try {
                return borrowing.apply(Actor.reader(borrower[0], card), record, description, service);
            } catch (IllException refused) {
                // this reader's category, limit or a duplicate: the next reader
            }
        }
        return null;
    }

    private BibliographicDescription describe(long recordId, ServiceType service) {
        Object[] row = (Object[]) em.createNativeQuery("SELECT title, authors, isbn FROM bib_record WHERE id = ?1")
                .setParameter(1, recordId).getSingleResult();
        BibliographicDescription.Builder builder = BibliographicDescription.titled((String) row[0])
                .by(row[1] == null ? "Unknown" : (String) row[1]).isbn((String) row[2]);
        if (service == ServiceType.COPY) {
            builder.part("Chapter 3", null, null, null, "41-66");
        }
        return builder.build();
    }

    /**
     * The demo libraries that supply the borrower the service under the demo agreements: NUL and SCL lend each other
     * everything, NUL and ECL too, SCL sends ECL copies only.
     */
    private static List<String> lendersTo(String borrowerIsil, ServiceType service) {
        if (DemoNetwork.NORTH.equals(borrowerIsil)) {
            return List.of(DemoNetwork.SOUTH, DemoNetwork.EAST);
        }
        if (DemoNetwork.EAST.equals(borrowerIsil) && service == ServiceType.COPY) {
            return List.of(DemoNetwork.NORTH, DemoNetwork.SOUTH);
        }
        return List.of(DemoNetwork.NORTH);
    }

    /**
     * A generated book that a library lending to the borrower holds on its open shelves, available, and that the
     * borrowing library does not hold at all (a reader borrows at home what their library has); each is borrowed
     * once, spread over the catalogue by the turn.
     */
    private Long nextRecord(String borrowerIsil, ServiceType service, Map<String, List<Long>> cache, List<Long> used,
                            int turn) {
        List<Long> candidates = cache.computeIfAbsent(borrowerIsil + " " + service,
                key -> candidates(borrowerIsil, service));
        for (int k = 0; k < candidates.size(); k++) {
            long record = candidates.get((turn * 7 + k) % candidates.size());
            if (!used.contains(record)) {
                used.add(record);
                return record;
            }
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    private List<Long> candidates(String borrowerIsil, ServiceType service) {
        List<String> lenders = lendersTo(borrowerIsil, service);
        return ((List<Number>) em.createNativeQuery("""
                        SELECT r.id FROM bib_record r
                        WHERE r.control_number LIKE 'demo-%' AND r.format = 'BOOK'
                          AND EXISTS (SELECT 1 FROM holding h JOIN location c ON c.id = h.location_id
                                      JOIN branch b ON b.id = c.branch_id JOIN library l ON l.id = b.library_id
                                      WHERE h.record_id = r.id AND l.agency_id_value IN (?2, ?3)
                                        AND c.type = 'OPEN_SHELVES' AND h.circulation_status = 'AVAILABLE')
                          AND NOT EXISTS (SELECT 1 FROM holding h JOIN location c ON c.id = h.location_id
                                          JOIN branch b ON b.id = c.branch_id JOIN library l ON l.id = b.library_id
                                          WHERE h.record_id = r.id AND l.agency_id_value = ?1)
                        ORDER BY r.id""")
                .setParameter(1, borrowerIsil).setParameter(2, lenders.get(0))
                .setParameter(3, lenders.get(lenders.size() - 1)).getResultList())
                .stream().map(Number::longValue).toList();
    }

    // read outside any transaction, so each query sees what the steps before it committed

    private RequestState stateOf(long id) {
        return em.createQuery("SELECT r.state FROM IllRequest r WHERE r.id = :id", RequestState.class)
                .setParameter("id", id).getSingleResult();
    }

    private String lenderOf(long id) {
        return em.createQuery("SELECT r.lender.agencyId.value FROM IllRequest r WHERE r.id = :id", String.class)
                .setParameter("id", id).getSingleResult();
    }

    /** The lending library's record of the request, found by the ISO 18626 ids its current lender was sent. */
    private long record(long id) {
        return em.createQuery("""
                        SELECT s.id FROM SupplierRequest s, RotaEntry e JOIN e.request r
                        WHERE r.id = :id AND e.lender = r.lender AND s.lender = e.lender
                          AND s.requestingAgencyRequestId = e.requestingAgencyRequestId
                        ORDER BY e.position DESC""", Long.class)
                .setParameter("id", id).setMaxResults(1).getSingleResult();
    }

    /** Ships one of the lender's available copies that the supply rule lets it send. */
    private void ship(Actor lender, long record, long id) {
        IllException last = null;
        for (String barcode : copiesAt(id)) {
            try {
                lending.shipLoan(lender, record, barcode);
                return;
            } catch (IllException notThisOne) {
                last = notThisOne;
            }
        }
        throw last != null ? last : new org.openill.domain.IllRuleViolation("no copy to ship");
    }

    /** The lender's available copies of the work asked for. */
    @SuppressWarnings("unchecked")
    private List<String> copiesAt(long id) {
        long recordId = em.createQuery("SELECT r.record.id FROM IllRequest r WHERE r.id = :id", Long.class)
                .setParameter("id", id).getSingleResult();
        return em.createNativeQuery("""
                        SELECT h.barcode FROM holding h JOIN location c ON c.id = h.location_id
                        JOIN branch b ON b.id = c.branch_id JOIN library l ON l.id = b.library_id
                        WHERE h.record_id = ?1 AND l.agency_id_value = ?2 AND h.circulation_status = 'AVAILABLE'
                        ORDER BY h.id""")
                .setParameter(1, recordId).setParameter(2, lenderOf(id)).getResultList();
    }
}
