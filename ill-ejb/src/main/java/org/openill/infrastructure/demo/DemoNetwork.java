package org.openill.infrastructure.demo;

import org.openill.application.AgreementService;
import org.openill.application.AgreementTerms;
import org.openill.application.NetworkAdministration;
import org.openill.domain.Actor;
import org.openill.application.PartnerDirectory;
import org.openill.domain.catalogue.BibliographicRecord;
import org.openill.domain.library.PartnerProfile;
import org.openill.domain.catalogue.Identifiers;
import org.openill.domain.catalogue.RecordFormat;
import org.openill.domain.library.LocationType;
import org.openill.domain.reader.ReaderCategory;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Builds the demonstration network with a seeded generator, so that every installation gets the same data: the
 * three libraries of the contracts, their collections, readers, agreements, four fixed records that examples rely
 * on, and generated records with holdings spread over the libraries. Everything goes through the same services the
 * ILL offices use, so the demo data keeps the rules they keep.
 */
final class DemoNetwork {

    static final String NORTH = "ZZ-NUL";
    static final String SOUTH = "ZZ-SCL";
    static final String EAST = "ZZ-ECL";

    /** The PIN of every demo reader, published in the README and the launcher's start-up lines. */
    public static final String READER_PIN = "1234";

    /** The password of every demo staff account, published in the README and the launcher's start-up lines. */
    public static final String STAFF_PASSWORD = "staff-demo";
    static final int GENERATED_RECORDS = 5_000;
    static final Actor ACTOR = Actor.system("demo data");

    record Counts(int libraries, int readers, int records, int holdings, int agreements) {
    }

    private static final String[] ADJECTIVES = {"Applied", "Modern", "Classical", "Comparative", "Quantitative",
        "Introductory", "Advanced", "Practical", "Historical", "Theoretical", "Digital", "Urban", "Global", "Medieval",
        "Experimental", "Critical", "Computational", "Environmental", "Social", "Molecular"};
    private static final String[] TOPICS = {"Linear Algebra", "Organic Chemistry", "Microeconomics", "Public Law",
        "Cell Biology", "Thermodynamics", "Statistics", "Art History", "Linguistics", "Archaeology", "Philosophy of Mind",
        "Graph Theory", "Hydrology", "Sociology", "Machine Learning", "Number Theory", "Political Theory", "Genetics",
        "Astronomy", "Musicology", "Geology", "Ecology", "Cryptography", "Epidemiology", "Ethics", "Poetry",
        "Library Science", "Information Retrieval", "Operating Systems", "Fluid Mechanics"};
    private static final String[] SUBTITLES = {"An Introduction", "Principles and Practice", "A Survey",
        "Methods and Applications", "Selected Essays", "A Handbook", "Foundations", "Case Studies", "New Perspectives",
        "A Reader"};
    private static final String[] SURNAMES = {"Smith", "Müller", "Rossi", "García", "Dubois", "Novak", "Kowalski",
        "Jensen", "Nakamura", "Chen", "Okafor", "Silva", "Ivanova", "Hughes", "Andersson", "Papadopoulos", "Costa",
        "Schmidt", "Lefèvre", "Horvat", "O'Brien", "Virtanen", "Yilmaz", "Kumar", "Haddad"};
    private static final String[] GIVEN_NAMES = {"Anna", "Jonas", "Maria", "Pierre", "Li", "Sofia", "Tomás", "Eva",
        "Kenji", "Amara", "Lucas", "Ingrid", "Marco", "Elena", "David", "Fatima", "Nora", "Pavel", "Aiko", "Omar"};
    private static final String[] PUBLISHERS = {"Academic Press", "University Press", "Springer", "Routledge",
        "MIT Press", "Wiley", "Elsevier", "De Gruyter", "Cambridge University Press", "Oxford University Press"};
    private static final String[] LANGUAGES = {"eng", "eng", "eng", "eng", "ger", "fre", "ita", "spa", "chi"};

    private final NetworkAdministration admin;
    private final AgreementService agreementService;
    private final LocalDate today;
    private final Random random;
    private static final int CHECKPOINT_EVERY = 250;

    private int readers;
    private int records;
    private int holdings;
    private int agreements;

    /** Writes what was added so far and empties the persistence context (it would slow every later flush down). */
    private final Runnable checkpoint;

    DemoNetwork(NetworkAdministration admin, AgreementService agreementService, LocalDate today, long seed,
                Runnable checkpoint) {
        this.admin = admin;
        this.agreementService = agreementService;
        this.today = today;
        this.random = new Random(seed);
        this.checkpoint = checkpoint;
    }

    Counts build() {
        library(NORTH, "North University Library", "1 University Square, Northtown", "ill@nul.example.org");
        admin.openBranch(ACTOR, NORTH, "MAIN", "Main Library");
        long northOpen = admin.addCollection(ACTOR, NORTH, "MAIN", "OPEN", "Open shelves", LocationType.OPEN_SHELVES, true);
        long northStacks = admin.addCollection(ACTOR, NORTH, "MAIN", "STACKS", "Closed stacks", LocationType.CLOSED_STACKS, true);
        admin.openBranch(ACTOR, NORTH, "SCI", "Science Library");
        long northScienceOpen = admin.addCollection(ACTOR, NORTH, "SCI", "OPEN", "Science open shelves",
                LocationType.OPEN_SHELVES, true);
        long northCsRef = admin.addCollection(ACTOR, NORTH, "SCI", "CS-REF", "Department of Computer Science reference room",
                LocationType.DEPARTMENT_REFERENCE_ROOM, false);

        library(SOUTH, "South College Library", "12 College Road, Southville", "ill@scl.example.org");
        admin.openBranch(ACTOR, SOUTH, "MAIN", "College Library");
        long southOpen = admin.addCollection(ACTOR, SOUTH, "MAIN", "OPEN", "Open shelves", LocationType.OPEN_SHELVES, true);
        admin.openBranch(ACTOR, SOUTH, "PHYS", "Department of Physics");
        long southPhysicsRef = admin.addCollection(ACTOR, SOUTH, "PHYS", "REF", "Physics department reference room",
                LocationType.DEPARTMENT_REFERENCE_ROOM, false);
        admin.openBranch(ACTOR, SOUTH, "MATH", "Department of Mathematics");
        long southMathsRef = admin.addCollection(ACTOR, SOUTH, "MATH", "REF", "Mathematics department reference room",
                LocationType.DEPARTMENT_REFERENCE_ROOM, false);

        library(EAST, "East City Library", "3 Harbour Street, Eastport", "ill@ecl.example.org");
        admin.openBranch(ACTOR, EAST, "CENTRAL", "Central Library");
        long eastOpen = admin.addCollection(ACTOR, EAST, "CENTRAL", "OPEN", "Open shelves", LocationType.OPEN_SHELVES, true);
        long eastSpecial = admin.addCollection(ACTOR, EAST, "CENTRAL", "SPECIAL", "Local history collection",
                LocationType.SPECIAL_COLLECTIONS, false);
        admin.openBranch(ACTOR, EAST, "HARBOUR", "Harbour Branch");
        long eastHarbourOpen = admin.addCollection(ACTOR, EAST, "HARBOUR", "OPEN", "Open shelves", LocationType.OPEN_SHELVES, true);
        admin.openBranch(ACTOR, EAST, "COLLEGE", "City College Study Centre");
        long eastCollegeRef = admin.addCollection(ACTOR, EAST, "COLLEGE", "REF", "College reference room",
                LocationType.COLLEGE_REFERENCE_ROOM, false);

        fixedRecords(northOpen, southMathsRef, southPhysicsRef, eastOpen, northStacks);

        List<List<Long>> shelvesByLibrary = List.of(
                List.of(northOpen, northStacks, northScienceOpen, northCsRef),
                List.of(southOpen, southPhysicsRef, southMathsRef),
                List.of(eastOpen, eastHarbourOpen, eastSpecial, eastCollegeRef));
        List<String> libraryOrder = List.of("NUL", "SCL", "ECL");
        generatedRecords(shelvesByLibrary, libraryOrder);

        demoReaders(NORTH, "NUL");
        demoReaders(SOUTH, "SCL");
        demoReaders(EAST, "ECL");

        agreement(NORTH, SOUTH, true, true, true, BigDecimal.ZERO, BigDecimal.ZERO, 10);
        agreement(NORTH, EAST, true, true, true, new BigDecimal("5.00"), new BigDecimal("2.50"), 20);
        agreement(SOUTH, EAST, false, false, true, BigDecimal.ZERO, new BigDecimal("3.00"), 30);
        return new Counts(3, readers, records, holdings, agreements);
    }

    static final String EXTERNAL = "ZZ-EXT";
    static final String EXTERNAL_ENDPOINT = "http://127.0.0.1:8099/iso18626";
    static final String EXTERNAL_ACCOUNT = "zz-ext";
    static final String EXTERNAL_SECRET = "zz-ext-secret";

    /**
     * The partner hosted elsewhere: Example External Library, reached over ISO 18626 1.2 at port 8099 of this
     * machine, under loan-and-copy agreements with the three demo libraries, the only holder of Knuth's first volume.
     */
    void externalPartner(PartnerDirectory directory) {
        library(EXTERNAL, "Example External Library", "1 Example Way, Example City", "ill@ext.example.org");
        directory.hostElsewhere(ACTOR, EXTERNAL, EXTERNAL_ENDPOINT, PartnerProfile.SchemaVersion.V1_2,
                new PartnerDirectory.Credentials(EXTERNAL_ACCOUNT, EXTERNAL_SECRET),
                new PartnerDirectory.Credentials(EXTERNAL_ACCOUNT, EXTERNAL_SECRET), java.util.Set.of());
        admin.openBranch(ACTOR, EXTERNAL, "MAIN", "Main Library");
        long open = admin.addCollection(ACTOR, EXTERNAL, "MAIN", "OPEN", "Open shelves", LocationType.OPEN_SHELVES,
                true);
        long knuth = record(new BibliographicRecord("The Art of Computer Programming", RecordFormat.BOOK)
                .identifiedBy("demo-knuth-1", "9780201896831", null)
                .describedAs("Volume 1: Fundamental Algorithms", "Knuth, Donald E.", "Addison-Wesley", 1997,
                        "3rd ed.", "eng", "Computer programming; Computer algorithms"));
        holding(knuth, open, "EXT", "QA76.6 .K64 1997 v.1");
        for (String library : List.of(NORTH, SOUTH, EAST)) {
            agreement(EXTERNAL, library, true, true, true, BigDecimal.ZERO, BigDecimal.ZERO, 50);
        }
    }

    private void library(String isil, String name, String address, String email) {
        admin.registerLibrary(ACTOR, isil, name, ZoneId.of("Europe/Berlin"), address, email,
                "+49 30 5550 " + (1000 + random.nextInt(9000)));
    }

    private void fixedRecords(long northOpen, long southMathsRef, long southPhysicsRef, long eastOpen, long northStacks) {
        long cormen = record(new BibliographicRecord("Introduction to Algorithms", RecordFormat.BOOK)
                .identifiedBy("demo-cormen", "9780262033848", null)
                .describedAs(null, "Cormen, Thomas H.; Leiserson, Charles E.; Rivest, Ronald L.; Stein, Clifford",
                        "MIT Press", 2009, "3rd ed.", "eng", "Computer algorithms; Computer programming"));
        holding(cormen, northOpen, "NUL", "QA76.6 .C662 2009");
        holding(cormen, southMathsRef, "SCL", "QA76.6 .C66 2009");

        long hawking = record(new BibliographicRecord("A Brief History of Time", RecordFormat.BOOK)
                .identifiedBy("demo-hawking", "9780553380163", null)
                .describedAs("From the Big Bang to Black Holes", "Hawking, Stephen", "Bantam Books", 1998,
                        "10th anniversary ed.", "eng", "Cosmology; Astrophysics"));
        holding(hawking, southPhysicsRef, "SCL", "QB981 .H377 1998");

        long redChamber = record(new BibliographicRecord("Dream of the Red Chamber", RecordFormat.BOOK)
                .originallyTitled("红楼梦")
                .identifiedBy("demo-honglou", "9787020002207", null)
                .describedAs("Hong lou meng", "Cao, Xueqin", "People's Literature Publishing House", 1982, null,
                        "chi", "Chinese fiction; Qing dynasty"));
        holding(redChamber, eastOpen, "ECL", "PL2727 .S2 1982");
        holding(redChamber, northOpen, "NUL", "PL2727 .S2 1982 c.2");

        long nature = record(new BibliographicRecord("Nature", RecordFormat.JOURNAL)
                .identifiedBy("demo-nature", null, "0028-0836")
                .describedAs("International weekly journal of science", null, "Nature Publishing Group", 1869, null,
                        "eng", "Science; Periodicals"));
        holding(nature, northStacks, "NUL", "Per. Q1 .N2");
    }

    private void generatedRecords(List<List<Long>> shelvesByLibrary, List<String> libraryOrder) {
        for (int i = 0; i < GENERATED_RECORDS; i++) {
            boolean journal = i % 50 == 49;
            String topic = pick(TOPICS);
            BibliographicRecord record;
            if (journal) {
                record = new BibliographicRecord("Journal of " + pick(ADJECTIVES) + " " + topic, RecordFormat.JOURNAL)
                        .identifiedBy("demo-" + i, null, issn(i))
                        .describedAs(null, null, pick(PUBLISHERS), 1950 + random.nextInt(60), null, "eng",
                                topic + "; Periodicals");
            } else {
                String twelve = String.format("9798%08d", i);
                record = new BibliographicRecord(pick(ADJECTIVES) + " " + topic, RecordFormat.BOOK)
                        .identifiedBy("demo-" + i, twelve + Identifiers.isbn13CheckDigit(twelve), null)
                        .describedAs(pick(SUBTITLES), author() + (random.nextInt(3) == 0 ? "; " + author() : ""),
                                pick(PUBLISHERS), 1960 + random.nextInt(66),
                                random.nextInt(4) == 0 ? (2 + random.nextInt(4)) + "nd ed." : null,
                                pick(LANGUAGES), topic + "; " + pick(TOPICS));
            }
            long recordId = record(record);
            int copies = 1 + random.nextInt(3);
            List<Integer> libraries = new ArrayList<>(List.of(0, 1, 2));
            java.util.Collections.shuffle(libraries, random);
            for (int c = 0; c < copies; c++) {
                int library = libraries.get(c);
                List<Long> shelves = shelvesByLibrary.get(library);
                long shelf = shelves.get(random.nextInt(shelves.size()));
                holding(recordId, shelf, libraryOrder.get(library), topic.substring(0, 2).toUpperCase()
                        + (100 + random.nextInt(900)) + "." + random.nextInt(100));
            }
        }
    }

    private String issn(int i) {
        String seven = String.format("%07d", 1_000_000 + i);
        for (char check : "0123456789X".toCharArray()) {
            try {
                return Identifiers.normalizeIssn(seven + check);
            } catch (IllegalArgumentException wrongCheckDigit) {
                // try the next one: exactly one check digit is right
            }
        }
        throw new IllegalStateException("no ISSN check digit for " + seven);
    }

    private void demoReaders(String isil, String prefix) {
        String[][] named = {
            {"Alice", "Reader", "POSTGRADUATE", "History"},
            {"Bob", "Borrower", "UNDERGRADUATE", "Physics"},
            {"Carla", "Faculty", "FACULTY", "Computer Science"},
        };
        int number = 1;
        for (String[] person : named) {
            reader(isil, prefix, number++, person[0], person[1], ReaderCategory.valueOf(person[2]), person[3]);
        }
        while (number <= 20) {
            reader(isil, prefix, number++, pick(GIVEN_NAMES), pick(SURNAMES),
                    ReaderCategory.values()[random.nextInt(ReaderCategory.values().length)], pick(TOPICS));
        }
    }

    private void reader(String isil, String prefix, int number, String first, String last, ReaderCategory category,
                        String department) {
        String card = String.format("%s-%06d", prefix, number);
        String mailbox = (first + "." + last).toLowerCase().replaceAll("[^a-z.]", "");
        admin.registerReader(ACTOR, isil, card, today.minusYears(1), today.plusYears(3), first, last,
                mailbox + number + "@" + prefix.toLowerCase() + ".example.org",
                "+49 30 5551 " + String.format("%04d", number), department, category);
        readers++;
    }

    private void agreement(String lender, String borrower, boolean reciprocal, boolean loans, boolean copies,
                           BigDecimal perLoan, BigDecimal perCopy, int priority) {
        long id = agreementService.draft(ACTOR, lender, borrower, reciprocal, today.minusMonths(6),
                new AgreementTerms(loans, copies, 28, 2, 40, perLoan, perCopy, new BigDecimal("60.00"), "EUR",
                        priority, 48, null));
        agreementService.activate(ACTOR, id, null);
        agreements++;
    }

    private long record(BibliographicRecord record) {
        if (++records % CHECKPOINT_EVERY == 0) {
            checkpoint.run();
        }
        return admin.catalogue(ACTOR, record);
    }

    private void holding(long recordId, long locationId, String libraryPrefix, String callNumber) {
        admin.addHolding(ACTOR, recordId, locationId, callNumber, libraryPrefix + String.format("%08d", ++holdings));
    }

    private String author() {
        return pick(SURNAMES) + ", " + pick(GIVEN_NAMES);
    }

    private String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }
}
