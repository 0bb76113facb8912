package org.openill.it;

import jakarta.ejb.EJB;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Table;
import jakarta.transaction.UserTransaction;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.marc4j.MarcStreamWriter;
import org.marc4j.MarcWriter;
import org.marc4j.marc.MarcFactory;
import org.marc4j.marc.Record;
import org.openill.application.AuditLog;
import org.openill.application.BorrowingService;
import org.openill.application.CatalogueImport;
import org.openill.application.CatalogueSearch;
import org.openill.application.ImportReport;
import org.openill.application.LendingService;
import org.openill.application.NetworkAdministration;
import org.openill.application.RequestQueries;
import org.openill.domain.IllRuleViolation;
import org.openill.domain.InvalidInputException;
import org.openill.domain.Text;
import org.openill.domain.library.LocationType;
import org.openill.domain.lending.SupplierState;
import org.openill.domain.reader.ReaderCategory;
import org.openill.domain.request.BibliographicDescription;
import org.openill.domain.request.RequestState;
import org.openill.domain.request.ServiceType;
import org.openill.infrastructure.marc.MarcFormat;

import javax.naming.InitialContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Field;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openill.it.Fixtures.lending;
import static org.openill.it.Fixtures.staffOf;
import static org.openill.it.Fixtures.readerOf;
import static org.openill.it.Fixtures.ADMIN;
import static org.openill.it.Fixtures.CATALOGUER;

/**
 * Whatever a reader, staff or an import sends, the answer is a clear message or a stored result, never a server
 * error: texts too long for their column, characters the database cannot store, duplicates of unique keys (also when
 * two people enter the same at the same moment), and texts the system builds from long inputs.
 */
@ExtendWith(ArquillianExtension.class)
class InputLimitsIT {

    private static final MarcFactory MARC = MarcFactory.newInstance();

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.builtEarWith(InputLimitsIT.class, Fixtures.class, PersistenceProbe.class);
    }

    @EJB
    NetworkAdministration admin;

    @EJB
    BorrowingService borrowing;

    @EJB
    LendingService lending;

    @EJB
    RequestQueries queries;

    @EJB
    CatalogueImport catalogueImport;

    @EJB
    CatalogueSearch search;

    @EJB
    AuditLog audit;

    @EJB
    Fixtures fixtures;

    @EJB
    PersistenceProbe probe;

    private final LocalDate today = LocalDate.now();

    @Test
    void aReaderWithAnOverLongNameIsRefusedNamingFieldAndLimitAndNothingIsStored() {
        String isil = fixtures.newLibrary();
        InvalidInputException refused = assertThrows(InvalidInputException.class, () -> registerReader(isil, "LONG-1",
                "A".repeat(101), "ada@example.org"));
        assertEquals("First name is too long: at most 100 characters, this one has 101", refused.getMessage());
        assertEquals("first name", refused.field());
        assertEquals(0, readersWithCard(isil, "LONG-1"));
        assertTrue(audit.trailOf("READER", isil + "/LONG-1").isEmpty());
    }

    @Test
    void aCardNumberWithANulCharacterIsRefusedClearlyWhenRegisteringAndWhenApplying() {
        String isil = fixtures.newLibrary();
        InvalidInputException registering = assertThrows(InvalidInputException.class,
                () -> registerReader(isil, "NUL\u0000-1", "Ada", "ada@example.org"));
        assertEquals("Library card number contains a character that cannot be stored (the NUL character U+0000 at "
                + "position 4); remove it", registering.getMessage());
        assertEquals(0, probe.count("SELECT COUNT(r) FROM Reader r WHERE r.homeLibrary.agencyId.value = '" + isil + "'"));

        InvalidInputException applying = assertThrows(InvalidInputException.class, () -> borrowing.apply(
                readerOf(isil, "NUL\u0000-1"), null, BibliographicDescription.titled("Anything").by("Someone").build(),
                ServiceType.LOAN));
        assertEquals("library card number", applying.field());
    }

    @Test
    void aLibraryWithAnOverLongNameOrANulInItsIsilIsRefusedAndNotRegistered() {
        String isil = "ZZ-L" + UUID.randomUUID().toString().substring(0, 8);
        InvalidInputException longName = assertThrows(InvalidInputException.class, () -> admin.registerLibrary(ADMIN,
                isil, "N".repeat(201), ZoneId.of("UTC"), null, null, null));
        assertEquals("Library name is too long: at most 200 characters, this one has 201", longName.getMessage());
        InvalidInputException nul = assertThrows(InvalidInputException.class, () -> admin.registerLibrary(ADMIN,
                isil + "\u0000", "Nul Library", ZoneId.of("UTC"), null, null, null));
        assertEquals("agency id", nul.field());
        assertEquals(0, probe.count("SELECT COUNT(l) FROM Library l WHERE l.agencyId.value LIKE '" + isil + "%'"));
        assertTrue(audit.trailOf("LIBRARY", isil).isEmpty());
    }

    @Test
    void anApplicationWithAnOverLongTitleIsRefusedNamingTheField() {
        InvalidInputException refused = assertThrows(InvalidInputException.class,
                () -> BibliographicDescription.titled("T".repeat(1001)).by("Someone").build());
        assertEquals("Title is too long: at most 1000 characters, this one has 1001", refused.getMessage());
        InvalidInputException pages = assertThrows(InvalidInputException.class,
                () -> BibliographicDescription.titled("Journal").issn("0028-0836")
                        .part("An article", null, "1", "2", "1-2\u0007").build());
        assertEquals("pages", pages.field());
    }

    @Test
    void aTitleAsLongAsTheRequestKeepsIsStoredAndTheNotificationSubjectIsCutToFit() {
        String borrower = fixtures.newLibrary();
        String card = fixtures.newReader(borrower, ReaderCategory.FACULTY);
        String title = "\uD840\uDC0B".repeat(1000); // 1000 characters, 2000 UTF-16 units
        long id = borrowing.apply(readerOf(borrower, card), null, BibliographicDescription.titled(title).by("Someone").build(),
                ServiceType.LOAN);
        borrowing.validate(fixtures.borrowingOffice(id), id, null);
        assertFalse(borrowing.route(fixtures.borrowingOffice(id), id, null));

        assertEquals(title, queries.details(id).title());
        String subject = (String) probe.nativeList("SELECT subject FROM reader_notification WHERE request_id = " + id)
                .get(0);
        assertEquals(300, Text.length(subject));
        assertTrue(subject.endsWith("\uD840\uDC0B…"), "cut whole characters, marked as cut");
    }

    @Test
    void anOverLongReasonFromALenderIsRefusedAndTheRequestStaysWhereItWas() {
        Loan loan = routedToLenders(1);
        InvalidInputException refused = assertThrows(InvalidInputException.class,
                () -> lending.unfilled(staffOf(loan.lenders.get(0)), fixtures.lendingRecordOf(loan.id),
                        "r".repeat(1001)));
        assertEquals("Reason is too long: at most 1000 characters, this one has 1001", refused.getMessage());
        assertEquals(RequestState.REQUEST_RECEIVED, queries.details(loan.id).state());
        assertEquals(SupplierState.NEW, fixtures.lendingStateOf(loan.id));
        assertEquals(loan.lenders.get(0), queries.details(loan.id).lenderIsil());

        assertThrows(InvalidInputException.class,
                () -> borrowing.cancel(fixtures.borrowingOffice(loan.id), loan.id, null, "reader\u0000 left"));
        assertEquals(RequestState.REQUEST_RECEIVED, queries.details(loan.id).state());
    }

    @Test
    void reasonsOfEveryLenderTogetherAreCutToWhatTheRequestKeepsAndStored() {
        Loan loan = routedToLenders(5);
        for (int answered = 0; answered < 5; answered++) {
            String lender = queries.details(loan.id).lenderIsil();
            lending.unfilled(staffOf(lender), fixtures.lendingRecordOf(loan.id),
                    (lender + " cannot supply it now; ").repeat(40).substring(0, 1000));
        }
        var details = queries.details(loan.id);
        assertEquals(RequestState.UNFILLED, details.state());
        // cut to the column, less any spaces before the "…"
        assertCutTo(4000, details.unfilledReasons());
        assertCutTo(2000, details.audit().get(details.audit().size() - 1).message());
        List<String> told = fixtures.notificationsOf(loan.id);
        String body = told.get(told.size() - 1);
        assertTrue(body.startsWith("REQUEST_UNFILLED: We are sorry"), body);
        assertTrue(body.endsWith("…"), "the body was cut to fit");
    }

    @Test
    void aStaffReasonForSuspendingALibraryIsCheckedBeforeAnythingChanges() {
        String isil = fixtures.newLibrary();
        InvalidInputException refused = assertThrows(InvalidInputException.class,
                () -> admin.suspendLibrary(ADMIN, isil, "s".repeat(2001)));
        assertEquals("Reason is too long: at most 2000 characters, this one has 2001", refused.getMessage());
        assertEquals(0, probe.count("SELECT COUNT(l) FROM Library l WHERE l.agencyId.value = '" + isil
                + "' AND l.status <> org.openill.domain.library.LibraryStatus.ACTIVE"));
        assertThrows(InvalidInputException.class, () -> admin.blockReader(ADMIN, isil,
                fixtures.newReader(isil, ReaderCategory.STAFF), "overdue\u0000"));
    }

    @Test
    void aBarcodeIsUniqueWithinItsLibrary() {
        String isil = fixtures.newLibrary();
        String other = fixtures.newLibrary();
        List<String> book = fixtures.newBookHeldAt(isil + "/OPEN");
        long recordId = Long.parseLong(book.get(0));
        String barcode = book.get(1);
        long shelf = openShelfOf(isil);

        IllRuleViolation refused = assertThrows(IllRuleViolation.class,
                () -> admin.addHolding(ADMIN, recordId, shelf, "T 200", " " + barcode + " "));
        assertEquals(isil + " already has an item with the barcode " + barcode, refused.getMessage());
        admin.addHolding(ADMIN, recordId, openShelfOf(other), "T 200", barcode);
        assertEquals(2, probe.count("SELECT COUNT(h) FROM Holding h WHERE h.barcode = '" + barcode + "'"));

        InvalidInputException tooLong = assertThrows(InvalidInputException.class,
                () -> admin.addHolding(ADMIN, recordId, shelf, "T 200", "B".repeat(51)));
        assertEquals("Barcode is too long: at most 50 characters, this one has 51", tooLong.getMessage());
    }

    @Test
    void aSecondBranchOrCollectionWithTheSameCodeIsARuleViolation() {
        String isil = fixtures.newLibrary();
        IllRuleViolation branch = assertThrows(IllRuleViolation.class, () -> admin.openBranch(ADMIN, isil, "MAIN ",
                "Main again"));
        assertEquals("Library " + isil + " already has a branch MAIN", branch.getMessage());
        IllRuleViolation collection = assertThrows(IllRuleViolation.class, () -> admin.addCollection(ADMIN, isil,
                "MAIN", "OPEN", "Open again", LocationType.OPEN_SHELVES, true));
        assertEquals("Branch MAIN already has a location OPEN", collection.getMessage());
    }

    @Test
    void twoReadersRegisteredWithTheSameCardAtTheSameMomentGiveOneReaderAndAClearRefusal() throws Exception {
        String isil = fixtures.newLibrary();
        Throwable second = racing(() -> registerReader(isil, "RACE-1", "Ada", "ada@example.org"),
                () -> registerReader(isil, "RACE-1", "Bob", "bob@example.org"));
        IllRuleViolation refused = assertInstanceOf(IllRuleViolation.class, second);
        assertEquals("The library already has a reader with this library card", refused.getMessage());
        assertEquals(1, readersWithCard(isil, "RACE-1"));
    }

    @Test
    void twoLibrariesRegisteredWithTheSameIsilAtTheSameMomentGiveOneLibraryAndAClearRefusal() throws Exception {
        String isil = "ZZ-R" + UUID.randomUUID().toString().substring(0, 8);
        Throwable second = racing(
                () -> admin.registerLibrary(ADMIN, isil, "First", ZoneId.of("UTC"), null, null, null),
                () -> admin.registerLibrary(ADMIN, isil, "Second", ZoneId.of("UTC"), null, null, null));
        IllRuleViolation refused = assertInstanceOf(IllRuleViolation.class, second);
        assertEquals("A library with this agency id is already in the network", refused.getMessage());
        assertEquals(1, probe.count("SELECT COUNT(l) FROM Library l WHERE l.agencyId.value = '" + isil + "'"));
    }

    @Test
    void anImportCutsOverLongCatalogueDataAndSkipsAnOverLongIdentifierWithoutFailing() {
        String batch = UUID.randomUUID().toString().substring(0, 8);
        Record longTitle = record(batch + "-1", "Nul\u0000led " + "very long title ".repeat(100));
        Record longControlNumber = record(batch + "-" + "9".repeat(60), "Fine title");
        ImportReport report = catalogueImport.importMarc(CATALOGUER, batch + ".mrc",
                new ByteArrayInputStream(marc21(longTitle, longControlNumber)), MarcFormat.MARC21);

        assertEquals("1 created, 0 updated, 1 skipped", report.summary());
        assertEquals(2, report.skipped().get(0).position());
        assertTrue(report.skipped().get(0).reason().contains("longer than the 50 characters"),
                report.skipped().get(0).reason());
        String title = (String) probe.nativeList("SELECT title FROM bib_record WHERE control_number = '" + batch
                + "-1'").get(0);
        assertEquals(1000, Text.length(title));
        assertTrue(title.startsWith("Nul led very long title"), title);
    }

    @Test
    void anImportUnderAnOverLongFileNameIsRefusedBeforeReadingIt() {
        String batch = UUID.randomUUID().toString().substring(0, 8);
        String fileName = batch + "-" + "f".repeat(100) + ".mrc";
        InvalidInputException refused = assertThrows(InvalidInputException.class, () -> catalogueImport.importMarc(
                CATALOGUER, fileName, new ByteArrayInputStream(marc21(record(batch + "-1", "Title"))),
                MarcFormat.MARC21));
        assertEquals("File name is too long: at most 100 characters, this one has " + fileName.length(),
                refused.getMessage());
        assertEquals(0, probe.count("SELECT COUNT(r) FROM BibliographicRecord r WHERE r.controlNumber = '" + batch
                + "-1'"));
    }

    @Test
    void aSearchWithANulCharacterIsAClearMessage() {
        InvalidInputException refused = assertThrows(InvalidInputException.class,
                () -> search.search("algorithms\u0000", 0, 10));
        assertEquals("search", refused.field());
    }

    @Test
    void everyTextColumnOfTheDatabaseIsAsLongAsItsEntityChecks() {
        Map<String, Integer> database = new TreeMap<>();
        for (Object row : probe.nativeList("""
                SELECT table_name || '.' || column_name, character_maximum_length FROM information_schema.columns
                WHERE table_schema = current_schema() AND data_type IN ('character varying', 'character')""")) {
            Object[] column = (Object[]) row;
            database.put((String) column[0], ((Number) column[1]).intValue());
        }
        Map<String, Integer> entities = new TreeMap<>();
        for (Class<?> entity : probe.entityClasses()) {
            textColumns(entity.getAnnotation(Table.class).name(), entity, entities);
        }
        entities.forEach((column, length) -> assertEquals(database.get(column), length, column));
        assertTrue(entities.keySet().containsAll(List.of("reader.card_number", "ill_request.bib_title",
                "library.agency_id_value", "holding.barcode")), entities.keySet().toString());
    }

    /**
     * The text columns of limited length an entity (with its embedded values) maps, and the length its @Column gives
     * each, or the @AttributeOverride of the embedding field; a column declared as unlimited text has no length to
     * agree on.
     */
    private static void textColumns(String table, Class<?> type, Map<String, Integer> columns) {
        textColumns(table, type, Map.of(), columns);
    }

    private static void textColumns(String table, Class<?> type, Map<String, Column> overrides,
                                    Map<String, Integer> columns) {
        for (Field field : type.getDeclaredFields()) {
            Column column = overrides.getOrDefault(field.getName(), field.getAnnotation(Column.class));
            if (field.isAnnotationPresent(Embedded.class)) {
                Map<String, Column> embedded = new java.util.HashMap<>();
                // repeatable: this finds them written one by one or inside @AttributeOverrides
                for (AttributeOverride override : field.getAnnotationsByType(AttributeOverride.class)) {
                    embedded.put(override.name(), override.column());
                }
                textColumns(table, field.getType(), embedded, columns);
            } else if (column != null && (field.getType() == String.class || field.getType().isEnum())
                    && !column.columnDefinition().equals("text")) {
                String name = column.name().isEmpty() ? field.getName().toLowerCase() : column.name();
                columns.put(table + "." + name, column.length());
            }
        }
    }

    private void registerReader(String isil, String card, String firstName, String email) {
        admin.registerReader(ADMIN, isil, card, today, today.plusYears(1), firstName, "Reader", email, null, null,
                ReaderCategory.FACULTY);
    }

    private long readersWithCard(String isil, String card) {
        return probe.count("SELECT COUNT(r) FROM Reader r WHERE r.homeLibrary.agencyId.value = '" + isil
                + "' AND r.cardNumber = '" + card + "'");
    }

    private long openShelfOf(String isil) {
        return probe.count("SELECT MIN(c.id) FROM Location c WHERE c.code = 'OPEN' AND c.branch.library.agencyId.value = '"
                + isil + "'");
    }

    /** A request validated and routed to the first of {@code lenders} new libraries, each holding the book. */
    private Loan routedToLenders(int lenders) {
        String borrower = fixtures.newLibrary();
        List<String> isils = new ArrayList<>();
        for (int i = 0; i < lenders; i++) {
            String lender = fixtures.newLibrary();
            fixtures.agreement(lending(lender).to(borrower).priority(10 + i));
            isils.add(lender);
        }
        List<String> book = fixtures.newBookHeldAt(isils.stream().map(isil -> isil + "/OPEN").toArray(String[]::new));
        String card = fixtures.newReader(borrower, ReaderCategory.FACULTY);
        long id = borrowing.apply(readerOf(borrower, card), Long.parseLong(book.get(0)),
                BibliographicDescription.titled("Shared book").by("Someone").build(), ServiceType.LOAN);
        borrowing.validate(fixtures.borrowingOffice(id), id, null);
        assertTrue(borrowing.route(fixtures.borrowingOffice(id), id, null));
        return new Loan(id, isils);
    }

    private record Loan(long id, List<String> lenders) {
    }

    /**
     * Runs {@code first} in a transaction that stays open until {@code second}, started meanwhile, has passed its
     * "does it exist" check and waits in the database for the first's row; then commits the first.
     *
     * @return what the second ended with (null when it succeeded)
     */
    private Throwable racing(Runnable first, Runnable second) throws Exception {
        UserTransaction transaction = InitialContext.doLookup("java:comp/UserTransaction");
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            transaction.begin();
            CompletableFuture<Throwable> outcome;
            try {
                first.run();
                outcome = CompletableFuture.supplyAsync(() -> {
                    try {
                        second.run();
                        return null;
                    } catch (Throwable failure) {
                        return failure;
                    }
                }, pool);
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
                while (!outcome.isDone() && waitingForALock() == 0 && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
                assertFalse(outcome.isDone(), "the second did not wait for the first: " + outcome.getNow(null));
            } finally {
                transaction.commit();
            }
            return outcome.get(20, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
    }

    private long waitingForALock() {
        return ((Number) probe.nativeList("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'")
                .get(0)).longValue();
    }

    private static Record record(String controlNumber, String title) {
        Record record = MARC.newRecord("00000nam a2200000 i 4500");
        record.addVariableField(MARC.newControlField("001", controlNumber));
        record.addVariableField(MARC.newDataField("245", '1', '0', "a", title));
        return record;
    }

    private static byte[] marc21(Record... records) {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        MarcWriter writer = new MarcStreamWriter(file, "UTF-8");
        for (Record record : records) {
            record.getLeader().setCharCodingScheme('a');
            writer.write(record);
        }
        writer.close();
        return file.toByteArray();
    }

    private static void assertCutTo(int column, String text) {
        int length = Text.length(text);
        assertTrue(length <= column && length > column - 10 && text.endsWith("…"),
                "expected cut to " + column + " characters, was " + length + ": ..." + text.substring(text.length() - 20));
    }
}
