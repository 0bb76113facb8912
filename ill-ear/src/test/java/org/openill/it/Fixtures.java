package org.openill.it;

import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.openill.domain.Actor;
import org.openill.domain.IllRuleViolation;
import org.openill.domain.agreement.PartnerAgreement;
import org.openill.domain.catalogue.BibliographicRecord;
import org.openill.domain.catalogue.Holding;
import org.openill.domain.catalogue.RecordFormat;
import org.openill.application.PartnerDirectory;
import org.openill.domain.library.AgencyId;
import org.openill.domain.library.PartnerProfile;
import org.openill.domain.library.Branch;
import org.openill.domain.library.Library;
import org.openill.domain.library.Location;
import org.openill.domain.library.LocationType;
import org.openill.domain.reader.Reader;
import org.openill.domain.reader.ReaderCategory;
import org.openill.domain.lending.SupplierEvent;
import org.openill.domain.lending.SupplierRequest;
import org.openill.domain.lending.SupplierState;
import org.openill.domain.protocol.ProtocolMessage;
import org.openill.domain.request.ClockFailure;
import org.openill.domain.request.IllRequest;
import org.openill.domain.request.RotaEntry;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A test-only EJB that sets up the data one test needs, with names of its own, so that tests never share state:
 * libraries with an open shelf and a reference room, readers, records held where the test says, agreements.
 */
@Stateless
public class Fixtures {

    @jakarta.ejb.EJB
    private PartnerDirectory partners;

    @jakarta.ejb.EJB
    private org.openill.application.BorrowingService borrowingService;

    @jakarta.ejb.EJB
    private org.openill.application.LendingService lendingService;

    @PersistenceContext(unitName = "ill")
    EntityManager em;

    @Resource
    SessionContext context;

    /**
     * Whether the services allow the step: it runs in this transaction, which is undone either way, so that the
     * question leaves nothing behind.
     */
    public boolean wouldBeAllowed(Runnable step) {
        try {
            step.run();
            return true;
        } catch (IllRuleViolation refused) {
            return false;
        } finally {
            context.setRollbackOnly();
        }
    }

    /**
     * A loan of a new book only the lender holds to a new reader of the borrower, applied for, validated, sent and
     * shipped (the lender charges its agreement's fee), each step in its own transaction as in real life; its id.
     */
    @jakarta.ejb.TransactionAttribute(jakarta.ejb.TransactionAttributeType.NOT_SUPPORTED)
    public long shippedLoan(String lender, String borrower, String title) {
        Fixtures fixtures = context.getBusinessObject(Fixtures.class);
        long id = sentLoanRequest(lender, borrower, title);
        lendingService.shipLoan(staffOf(lender), fixtures.lendingRecordOf(id), fixtures.barcodeOfRequested(id));
        return id;
    }

    /**
     * A loan request for a new book only the lender holds, of a new reader of the borrower, applied for, validated and
     * sent to the lender (which has not answered), each step in its own transaction; its id.
     */
    @jakarta.ejb.TransactionAttribute(jakarta.ejb.TransactionAttributeType.NOT_SUPPORTED)
    public long sentLoanRequest(String lender, String borrower, String title) {
        Fixtures fixtures = context.getBusinessObject(Fixtures.class);
        List<String> book = fixtures.newBookHeldAt(lender + "/OPEN");
        String card = fixtures.newReader(borrower, org.openill.domain.reader.ReaderCategory.FACULTY);
        long id = borrowingService.apply(readerOf(borrower, card), Long.parseLong(book.get(0)),
                org.openill.domain.request.BibliographicDescription.titled(title).by("Tester, Tina").build(),
                org.openill.domain.request.ServiceType.LOAN);
        borrowingService.validate(fixtures.borrowingOffice(id), id, null);
        if (!borrowingService.route(fixtures.borrowingOffice(id), id, null)) {
            throw new IllegalStateException("No lender for request " + id);
        }
        return id;
    }

    /** The barcode of the one copy of the book a request asks for. */
    public String barcodeOfRequested(long requestId) {
        return strings("SELECT h.barcode FROM holding h JOIN ill_request r ON r.record_id = h.record_id"
                + " WHERE r.id = " + requestId + " ORDER BY h.id LIMIT 1").get(0);
    }

    /** The network office: admits libraries and may act for any library's collections, readers and agreements. */
    public static final Actor ADMIN = Actor.networkAdmin("network office");

    /** A cataloguer of North University Library, who imports MARC files into the union catalogue. */
    public static final Actor CATALOGUER = Actor.staff("ZZ-NUL", "cataloguer");

    /** The ILL office of a library. */
    public static Actor staffOf(String isil) {
        return Actor.staff(isil, "ILL office");
    }

    public static Actor.Reader readerOf(String isil, String card) {
        return Actor.reader(isil, card);
    }

    /** The ILL office of the library that borrows for the request. */
    public Actor borrowingOffice(long requestId) {
        return staffOf(em.find(IllRequest.class, requestId).borrower().agencyId().value());
    }

    /**
     * A new library like {@link #newLibrary()} but hosted elsewhere, reached over ISO 18626 at the port of this
     * machine in the schema version given; it presents and is presented the credentials {@code acct-<isil>} /
     * {@code secret-<isil>}.
     */
    public String newPartnerElsewhere(int port, PartnerProfile.SchemaVersion version) {
        String isil = newLibrary();
        em.flush();
        partners.hostElsewhere(ADMIN, isil, "http://127.0.0.1:" + port + "/iso18626", version,
                new PartnerDirectory.Credentials("acct-" + isil, "secret-" + isil),
                new PartnerDirectory.Credentials("acct-" + isil, "secret-" + isil), java.util.Set.of());
        return isil;
    }

    /** The delivery state of the messages a request's borrowing record sent: "KIND STATE attempts". */
    public List<String> outboxOf(long requestId) {
        return strings("SELECT m.kind || ' ' || o.state || ' ' || o.attempts FROM outbound_message o "
                + "JOIN protocol_message m ON m.id = o.protocol_message_id WHERE o.request_id = " + requestId
                + " ORDER BY o.id");
    }

    /** The delivery state of the messages a lending record sent: "KIND STATE attempts". */
    public List<String> lendingOutboxOf(long supplierRequestId) {
        return strings("SELECT m.kind || ' ' || o.state || ' ' || o.attempts FROM outbound_message o "
                + "JOIN protocol_message m ON m.id = o.protocol_message_id WHERE o.supplier_request_id = "
                + supplierRequestId + " ORDER BY o.id");
    }

    /** A new library ZZ-Xnnnnn with a branch MAIN holding the locations OPEN (lendable) and REF (reference room). */
    public String newLibrary() {
        return newLibraryIn(ZoneId.of("Europe/Berlin"));
    }

    /** A new library like {@link #newLibrary()} with the ISIL given (for tests where two servers must agree on it). */
    public String newLibraryNamed(String isil) {
        Library library = new Library(AgencyId.isil(isil), "Test Library " + isil, ZoneId.of("Europe/Berlin"));
        Branch main = library.openBranch("MAIN", "Main");
        main.addLocation("OPEN", "Open shelves", LocationType.OPEN_SHELVES, true);
        main.addLocation("REF", "Department reference room", LocationType.DEPARTMENT_REFERENCE_ROOM, false);
        em.persist(library);
        return isil;
    }

    /** A library with the ISIL given, hosted elsewhere at the endpoint, both sides presenting the credentials. */
    public void newPartnerElsewhere(String isil, String endpoint, PartnerProfile.SchemaVersion version,
                                    PartnerDirectory.Credentials both) {
        newLibraryNamed(isil);
        em.flush();
        partners.hostElsewhere(ADMIN, isil, endpoint, version, both, both, java.util.Set.of());
    }

    /** Moves a partner's endpoint (a dead port makes it unreachable), keeping its credentials. */
    public void movePartner(String isil, String endpoint) {
        partners.moveEndpoint(ADMIN, isil, endpoint);
    }

    /** A book record with the ISBN given, held at the places (as {@link #newBookHeldAt}); returns the record id. */
    public long newBookWithIsbnHeldAt(String isbn, String title, String... places) {
        BibliographicRecord record = new BibliographicRecord(title, RecordFormat.BOOK)
                .identifiedBy("test-" + unique() + unique(), isbn, null)
                .describedAs(null, "Tester, Tina", "Test Press", 2020, null, "eng", "Testing");
        em.persist(record);
        for (String place : places) {
            String[] parts = place.split("/");
            em.persist(new Holding(record, location(parts[0], "MAIN", parts[1]), "T 100", "T" + unique() + unique()));
        }
        return idOf(record);
    }

    /** The barcode of the library's first copy of the record with the ISBN. */
    public String barcodeOf(String isil, String isbn) {
        return strings("SELECT h.barcode FROM holding h JOIN bib_record r ON r.id = h.record_id JOIN location c "
                + "ON c.id = h.location_id JOIN branch b ON b.id = c.branch_id JOIN library l ON l.id = b.library_id "
                + "WHERE r.isbn = '" + isbn + "' AND l.agency_id_value = '" + isil + "' ORDER BY h.id").get(0);
    }

    /** The lending library's record of the request with the title, or -1 while it has none. */
    public long lendingRecordTitled(String lenderIsil, String title) {
        List<String> ids = strings("SELECT s.id::text FROM supplier_request s JOIN library l ON l.id = s.lender_id "
                + "WHERE l.agency_id_value = '" + lenderIsil + "' AND s.bib_title = '" + title + "' ORDER BY s.id");
        return ids.isEmpty() ? -1 : Long.parseLong(ids.get(0));
    }

    /** A new library like {@link #newLibrary()}, whose days begin and end in the given time zone. */
    public String newLibraryIn(ZoneId timeZone) {
        String isil = "ZZ-X" + unique();
        Library library = new Library(AgencyId.isil(isil), "Test Library " + isil, timeZone);
        Branch main = library.openBranch("MAIN", "Main");
        main.addLocation("OPEN", "Open shelves", LocationType.OPEN_SHELVES, true);
        main.addLocation("REF", "Department reference room", LocationType.DEPARTMENT_REFERENCE_ROOM, false);
        em.persist(library);
        return isil;
    }

    public String newReader(String isil, ReaderCategory category) {
        String card = isil.substring(3) + "-" + unique();
        LocalDate today = LocalDate.now();
        Reader reader = new Reader(library(isil), card, today.minusYears(1), today.plusYears(2), "Test", "Reader " + card,
                card.toLowerCase() + "@example.org", category);
        em.persist(reader);
        return card;
    }

    public void readerPrefersLanguage(String isil, String card, String tag) {
        reader(isil, card).prefersLanguage(tag);
    }

    public void blockReader(String isil, String card, String reason) {
        reader(isil, card).block(reason);
    }

    public void expireCard(String isil, String card) {
        reader(isil, card).changeCardValidity(LocalDate.now().minusYears(1).plusDays(1));
    }

    /**
     * A new book record with one holding per location given as "ISIL/LOCATIONCODE" (branch MAIN), or for the demo
     * libraries "ISIL/BRANCH/LOCATION". Returns the record id followed by the barcodes, in the order given.
     */
    public List<String> newBookHeldAt(String... places) {
        String isbnCore = "9791" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
        BibliographicRecord record = new BibliographicRecord("Test Book " + unique(), RecordFormat.BOOK)
                .identifiedBy("test-" + unique() + unique(), isbnCore
                        + org.openill.domain.catalogue.Identifiers.isbn13CheckDigit(isbnCore), null)
                .describedAs(null, "Tester, Tina", "Test Press", 2020, null, "eng", "Testing");
        em.persist(record);
        List<String> result = new ArrayList<>();
        result.add(String.valueOf(idOf(record)));
        for (String place : places) {
            String[] parts = place.split("/");
            String branch = parts.length == 3 ? parts[1] : "MAIN";
            String code = parts[parts.length - 1];
            Location location = location(parts[0], branch, code);
            String barcode = "T" + unique() + unique();
            em.persist(new Holding(record, location, "T 100", barcode));
            result.add(barcode);
        }
        return result;
    }

    /** The terms of a test agreement, named: {@code lending(lender).to(borrower).maxOutstanding(1)}. */
    public static TestAgreement lending(String lender) {
        return new TestAgreement(lender);
    }

    /** An active agreement on the terms given: 21-day loans, one renewal, 24 hours to answer, fees in EUR. */
    public long agreement(TestAgreement terms) {
        PartnerAgreement agreement = new PartnerAgreement(library(terms.lender), library(terms.borrower), false,
                LocalDate.now().minusDays(30))
                .withServices(terms.loans, terms.copies, 21, 1, terms.maxOutstanding)
                .withFees(new BigDecimal(terms.feePerLoan), new BigDecimal("1.50"), Currency.getInstance("EUR"))
                .withReplacementFee(new BigDecimal(terms.replacementFee))
                .withRouting(terms.priority, Duration.ofHours(24))
                .validUntil(terms.validUntil);
        for (String code : terms.excludedCollections) {
            agreement.excludeCollection(location(terms.lender, "MAIN", code));
        }
        agreement.activate();
        em.persist(agreement);
        return agreement.id();
    }

    /** The status of a partner agreement, as the database has it now. */
    public String agreementStatus(long agreementId) {
        return strings("SELECT status FROM partner_agreement WHERE id = " + agreementId).get(0);
    }

    /** A further collection of the library's branch MAIN. */
    public void addCollection(String isil, String code, LocationType type, boolean illLendable) {
        library(isil).branches().stream().filter(branch -> branch.code().equals("MAIN")).findFirst().orElseThrow()
                .addLocation(code, "Collection " + code, type, illLendable);
    }

    /** The item is out on a loan of the library's own. */
    public void lendOut(String barcode) {
        holding(barcode).lend();
    }

    public void markMissing(String barcode) {
        holding(barcode).markMissing();
    }

    public void suspendAgreements(String lender, String borrower) {
        em.createQuery("SELECT a FROM PartnerAgreement a WHERE a.lender.agencyId.value = :l AND a.borrower.agencyId.value = :b",
                        PartnerAgreement.class)
                .setParameter("l", lender).setParameter("b", borrower).getResultList()
                .forEach(PartnerAgreement::suspend);
    }

    /**
     * The loan falls due on the given day on both sides (the borrower's record and the lender's), as if it had been
     * shipped for a loan period ending then.
     */
    public void loanFallsDueOn(long requestId, LocalDate due) {
        long lendingRecord = lendingRecordOf(requestId);
        em.createQuery("UPDATE IllRequest r SET r.dueDate = :due WHERE r.id = :id")
                .setParameter("due", due).setParameter("id", requestId).executeUpdate();
        em.createQuery("UPDATE SupplierRequest s SET s.dueDate = :due WHERE s.id = :id")
                .setParameter("due", due).setParameter("id", lendingRecord).executeUpdate();
    }

    /**
     * The lending library's own record of the borrowing library's request: the one its current lender made when the
     * request reached it (found by the ISO 18626 ids, as the lender's system would).
     */
    public long lendingRecordOf(long requestId) {
        IllRequest request = em.find(IllRequest.class, requestId);
        RotaEntry entry = request.currentEntry();
        return em.createQuery("""
                        SELECT s.id FROM SupplierRequest s
                        WHERE s.requestingAgencyRequestId = :id AND s.lender = :lender""", Long.class)
                .setParameter("id", entry.requestingAgencyRequestId()).setParameter("lender", entry.lender())
                .getSingleResult();
    }

    /** The state of the lender's own record of the request. */
    public SupplierState lendingStateOf(long requestId) {
        return em.find(SupplierRequest.class, lendingRecordOf(requestId)).state();
    }

    /** The state of a lending record, by its own id (for a record the request has since left). */
    public SupplierState lendingState(long lendingRecordId) {
        return em.find(SupplierRequest.class, lendingRecordId).state();
    }

    /** The history of the lender's own record of the request, oldest first. */
    public List<SupplierEvent> lendingHistoryOf(long requestId) {
        return new ArrayList<>(em.find(SupplierRequest.class, lendingRecordOf(requestId)).events());
    }

    /** What the clock noted of its failures on a request or lending record (null when it has none). */
    public ClockFailure clockFailureOf(long id) {
        return em.find(ClockFailure.class, id);
    }

    /** The borrowing library's protocol log of the request: "OUT request New Loan", "IN supplyingAgencyMessage ..." */
    public List<String> borrowerProtocolOf(long requestId) {
        return em.createQuery("SELECT m FROM ProtocolMessage m WHERE m.request.id = :id ORDER BY m.id",
                        ProtocolMessage.class).setParameter("id", requestId).getResultList().stream()
                .map(m -> m.direction() + " " + m.kind() + " " + m.summary()).toList();
    }

    /** The lending library's protocol log of its record of the request. */
    public List<String> lenderProtocolOf(long requestId) {
        return em.createQuery("SELECT m FROM ProtocolMessage m WHERE m.supplierRequest.id = :id ORDER BY m.id",
                        ProtocolMessage.class).setParameter("id", lendingRecordOf(requestId)).getResultList().stream()
                .map(m -> m.direction() + " " + m.kind() + " " + m.summary()).toList();
    }

    /** Every message either side logged about the request, as XML, to validate against the schema. */
    public List<String> protocolXmlOf(long requestId) {
        List<String> xml = new ArrayList<>(em.createQuery(
                        "SELECT m.xml FROM ProtocolMessage m WHERE m.request.id = :id ORDER BY m.id", String.class)
                .setParameter("id", requestId).getResultList());
        xml.addAll(em.createQuery("""
                        SELECT m.xml FROM ProtocolMessage m WHERE m.supplierRequest.id IN (
                            SELECT s.id FROM SupplierRequest s, RotaEntry e
                            WHERE e.request.id = :id AND s.lender = e.lender
                              AND s.requestingAgencyRequestId LIKE CONCAT(:prefix, '%'))
                        ORDER BY m.id""", String.class)
                .setParameter("id", requestId).setParameter("prefix", requestId + "-").getResultList());
        return xml;
    }

    public String circulationStatus(String barcode) {
        return holding(barcode).circulationStatus().name();
    }

    private Holding holding(String barcode) {
        return em.createQuery("SELECT h FROM Holding h WHERE h.barcode = :barcode", Holding.class)
                .setParameter("barcode", barcode).getSingleResult();
    }

    private Location location(String isil, String branch, String code) {
        return em.createQuery("""
                        SELECT c FROM Location c WHERE c.branch.library.agencyId.value = :isil
                        AND c.branch.code = :branch AND c.code = :code""", Location.class)
                .setParameter("isil", isil).setParameter("branch", branch).setParameter("code", code)
                .getSingleResult();
    }

    public List<String> notificationsOf(long requestId) {
        return em.createNativeQuery("SELECT kind || ': ' || body FROM reader_notification WHERE request_id = ?1 ORDER BY id")
                .setParameter(1, requestId).getResultList().stream().map(String::valueOf).toList();
    }

    public long recordIdByIsbn(String isbn) {
        return em.createQuery("SELECT r.id FROM BibliographicRecord r WHERE r.isbn = :isbn", Long.class)
                .setParameter("isbn", isbn).getSingleResult();
    }

    /** The first column of a native query's rows, as text. */
    @SuppressWarnings("unchecked")
    public List<String> strings(String sql) {
        return ((List<Object>) em.createNativeQuery(sql).getResultList()).stream().map(String::valueOf).toList();
    }

    public int nativeUpdate(String sql) {
        return em.createNativeQuery(sql).executeUpdate();
    }

    private Library library(String isil) {
        return em.createQuery("SELECT l FROM Library l WHERE l.agencyId.value = :isil", Library.class)
                .setParameter("isil", isil).getSingleResult();
    }

    private Reader reader(String isil, String card) {
        return em.createQuery("SELECT r FROM Reader r WHERE r.homeLibrary.agencyId.value = :isil AND r.cardNumber = :card",
                        Reader.class)
                .setParameter("isil", isil).setParameter("card", card).getSingleResult();
    }

    private long idOf(BibliographicRecord record) {
        em.flush();
        return record.id();
    }

    /** Eight hex digits: a random five-digit number clashed now and then among the hundreds of libraries of a run. */
    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    /** Terms of a test agreement; what is not named is the default: loans and copies, 10 outstanding, free. */
    public static final class TestAgreement {

        private final String lender;
        private String borrower;
        private boolean loans = true;
        private boolean copies = true;
        private int maxOutstanding = 10;
        private int priority = 10;
        private String feePerLoan = "0";
        private String replacementFee = "0";
        private LocalDate validUntil;
        private final List<String> excludedCollections = new ArrayList<>();

        private TestAgreement(String lender) {
            this.lender = lender;
        }

        public TestAgreement to(String borrowingLibrary) {
            this.borrower = borrowingLibrary;
            return this;
        }

        public TestAgreement copiesOnly() {
            this.loans = false;
            return this;
        }

        public TestAgreement maxOutstanding(int items) {
            this.maxOutstanding = items;
            return this;
        }

        public TestAgreement priority(int rank) {
            this.priority = rank;
            return this;
        }

        public TestAgreement feePerLoan(String amount) {
            this.feePerLoan = amount;
            return this;
        }

        public TestAgreement replacementFee(String amount) {
            this.replacementFee = amount;
            return this;
        }

        /** The agreement's last day (open-ended when not named). */
        public TestAgreement until(LocalDate lastDay) {
            this.validUntil = lastDay;
            return this;
        }

        /** Keeps a collection of the lender's branch MAIN out of the agreement. */
        public TestAgreement excluding(String collectionCode) {
            excludedCollections.add(collectionCode);
            return this;
        }
    }
}
