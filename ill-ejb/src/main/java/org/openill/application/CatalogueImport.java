package org.openill.application;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.marc4j.marc.Record;
import org.openill.domain.Actor;
import org.openill.domain.Text;
import org.openill.domain.audit.AuditEntry;
import org.openill.domain.NotFoundException;
import org.openill.domain.catalogue.BibliographicRecord;
import org.openill.domain.catalogue.Holding;
import org.openill.domain.library.AgencyId;
import org.openill.domain.library.Library;
import org.openill.domain.library.Location;
import org.openill.infrastructure.marc.CatalogueEntry;
import org.openill.infrastructure.marc.HoldingEntry;
import org.openill.infrastructure.marc.MarcFileReader;
import org.openill.infrastructure.marc.MarcFormat;
import org.openill.infrastructure.marc.MarcMapping;
import org.openill.infrastructure.marc.MarcRecordMapper;
import org.openill.infrastructure.persistence.UniqueKeys;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntConsumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Brings a library's catalogue records, exported as MARC 21 or MARCXML, into the union catalogue. Importing a file
 * again updates the works it added instead of adding them twice: a work is recognised by its control number, else
 * its ISBN, else its ISSN.
 */
@Stateless
public class CatalogueImport {

    private static final Logger LOG = Logger.getLogger(CatalogueImport.class.getName());

    /** Records imported in one transaction: a large file is imported chunk by chunk, each committed on its own. */
    public static final int CHUNK_SIZE = 500;

    @PersistenceContext(unitName = "ill")
    private EntityManager em;

    @EJB
    private AuditLog audit;

    @Resource
    private SessionContext context;

    /**
     * Imports every record of the file the catalogue can take and reports the others as skipped, with the reason.
     * A damaged file keeps the records read before the damage; the damage is reported as one skipped entry.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public ImportReport importMarc(Actor staff, String fileName, InputStream input, MarcFormat format) {
        return importMarc(staff, fileName, input, format, null, null);
    }

    /**
     * Imports the file as {@link #importMarc(Actor, String, InputStream, MarcFormat)} does, and, for the library
     * named, the copies its records hold (MARC 852: collection, call number, barcode), each in the library's
     * collection of that code. Records go in chunks of {@link #CHUNK_SIZE}, each its own transaction, so a large file
     * neither holds one transaction open nor loses what was imported when a later chunk fails; {@code progress}
     * (when given) hears how many records were read so far after each chunk.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public ImportReport importMarc(Actor staff, String fileName, InputStream input, MarcFormat format,
                                   String holdingsOf, IntConsumer progress) {
        staff.requireLibraryStaff("import into the union catalogue");
        if (holdingsOf != null) {
            staff.requireSpeaksForOneOf("import the holdings of " + holdingsOf, AgencyId.isil(holdingsOf));
        }
        // the file name names the import in the audit trail
        String name = Text.required("file name", fileName, AuditEntry.SUBJECT_ID_LENGTH);
        CatalogueImport self = context.getBusinessObject(CatalogueImport.class);
        Totals totals = new Totals();
        List<Record> chunk = new ArrayList<>();
        Optional<String> damage = MarcFileReader.readEach(input, format, record -> {
            chunk.add(record);
            if (chunk.size() == CHUNK_SIZE) {
                totals.importChunk(self, holdingsOf, chunk, progress);
            }
        });
        if (!chunk.isEmpty()) {
            totals.importChunk(self, holdingsOf, chunk, progress);
        }
        damage.ifPresent(reason -> totals.skipped.add(new SkippedRecord(totals.read + 1, null, reason)));
        ImportReport report = new ImportReport(totals.created, totals.updated, totals.holdings, totals.skipped);
        self.recordImport(staff, name, format, report);
        LOG.info(() -> "Catalogue import of " + name + " (" + format.label() + "): " + report.summary());
        return report;
    }

    /** What the chunks of one file did, added up. */
    private static final class Totals {
        private int read;
        private int created;
        private int updated;
        private int holdings;
        private final List<SkippedRecord> skipped = new ArrayList<>();

        void importChunk(CatalogueImport self, String holdingsOf, List<Record> chunk, IntConsumer progress) {
            int first = read + 1;
            try {
                ImportReport part = self.importChunk(holdingsOf, first, List.copyOf(chunk));
                created += part.created();
                updated += part.updated();
                holdings += part.holdings();
                skipped.addAll(part.skipped());
            } catch (RuntimeException failed) {
                // the chunk's transaction is rolled back: its records are not in the catalogue, the others are
                LOG.log(Level.WARNING, failed, () -> "Records " + first + " to " + (first + chunk.size() - 1)
                        + " of an import were not stored");
                skipped.add(new SkippedRecord(first, null, "records " + first + " to " + (first + chunk.size() - 1)
                        + " were not stored (" + rootCause(failed) + "); import them again"));
            }
            read += chunk.size();
            chunk.clear();
            if (progress != null) {
                progress.accept(read);
            }
        }
    }

    private static String rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return Text.cut(String.valueOf(cause.getMessage()), 200);
    }

    /** One chunk of records, in one transaction: works added or updated, copies added, the rest skipped. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public ImportReport importChunk(String holdingsOf, int firstPosition, List<Record> records) {
        Library library = holdingsOf == null ? null : em.createQuery(
                        "SELECT l FROM Library l WHERE l.agencyId.value = :isil", Library.class)
                .setParameter("isil", AgencyId.lookupValue(holdingsOf)).getResultStream().findFirst()
                .orElseThrow(() -> new NotFoundException("There is no library " + holdingsOf));
        List<Location> collections = library == null ? List.of() : em.createQuery(
                        "SELECT c FROM Location c JOIN FETCH c.branch b WHERE b.library = :library", Location.class)
                .setParameter("library", library).getResultList();
        int position = firstPosition - 1;
        int created = 0;
        int updated = 0;
        int holdings = 0;
        List<SkippedRecord> skipped = new ArrayList<>();
        for (Record marc : records) {
            position++;
            MarcMapping mapping = map(marc, position);
            if (mapping instanceof CatalogueEntry entry) {
                Stored stored = store(entry);
                if (stored.created()) {
                    created++;
                } else {
                    updated++;
                }
                if (library != null) {
                    for (HoldingEntry copy : MarcRecordMapper.holdings(marc)) {
                        String refusal = addHolding(library, collections, stored.record(), copy);
                        if (refusal == null) {
                            holdings++;
                        } else if (!refusal.isEmpty()) {
                            skipped.add(new SkippedRecord(position, entry.controlNumber(), refusal));
                        }
                    }
                }
            } else if (mapping instanceof MarcMapping.Rejected rejected) {
                skipped.add(new SkippedRecord(position, rejected.controlNumber(), rejected.reason()));
            }
        }
        UniqueKeys.flush(em);
        return new ImportReport(created, updated, holdings, skipped);
    }

    /**
     * Adds the copy to the library's holdings of the record: null when added, empty when the library already has it
     * (an import run again), else why it cannot be added.
     */
    private String addHolding(Library library, List<Location> collections, BibliographicRecord record,
                              HoldingEntry copy) {
        if (copy.barcode() == null) {
            return "a copy without a barcode (852 $p) is not imported";
        }
        List<Location> matching = collections.stream()
                .filter(c -> copy.collection() != null && c.code().equalsIgnoreCase(copy.collection()))
                .filter(c -> copy.branch() == null || c.branch().code().equalsIgnoreCase(copy.branch())).toList();
        if (matching.isEmpty()) {
            return "copy " + copy.barcode() + ": " + library.agencyId().value() + " has no collection \""
                    + (copy.branch() == null ? "" : copy.branch() + " ") + copy.collection() + "\" (852 $b $c)";
        }
        if (matching.size() > 1) {
            return "copy " + copy.barcode() + ": collection \"" + copy.collection() + "\" is in more than one branch"
                    + " of " + library.agencyId().value() + "; name the branch in 852 $b and the collection in $c";
        }
        Location collection = matching.get(0);
        List<Holding> same = em.createQuery("SELECT h FROM Holding h WHERE h.library = :library AND h.barcode = :barcode",
                        Holding.class).setParameter("library", library).setParameter("barcode", copy.barcode())
                .getResultList();
        if (!same.isEmpty()) {
            return same.get(0).record().id().equals(record.id()) ? ""
                    : "copy " + copy.barcode() + ": the barcode is already another work's copy at "
                    + library.agencyId().value();
        }
        try {
            em.persist(new Holding(record, collection, copy.callNumber(), copy.barcode()));
        } catch (org.openill.domain.IllException badCopy) {
            return "copy " + copy.barcode() + ": " + badCopy.getMessage();
        }
        return null;
    }

    /** Leaves the import in the audit trail, with its outcome. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void recordImport(Actor staff, String name, MarcFormat format, ImportReport report) {
        audit.record(staff, "CATALOGUE_IMPORT", name, "IMPORT_" + format.name(), null, null, report.summary());
    }

    private MarcMapping map(Record marc, int position) {
        try {
            return MarcRecordMapper.map(marc);
        } catch (RuntimeException unforeseen) {
            // One record the mapper did not foresee must not cost the rest of the file.
            LOG.log(Level.WARNING, unforeseen, () -> "Cannot map record " + position + " of an import");
            return new MarcMapping.Rejected(marc.getControlNumber(),
                    "the record could not be interpreted (" + unforeseen + ")");
        }
    }

    /** A work of the catalogue as an import left it, and whether the import added it. */
    private record Stored(BibliographicRecord record, boolean created) {
    }

    /**
     * Updates the catalogue's description of the work, or adds the work.
     *
     * @return the work, and whether it was added
     */
    private Stored store(CatalogueEntry entry) {
        Optional<BibliographicRecord> existing = findBy("controlNumber", entry.controlNumber())
                .or(() -> findBy("isbn", entry.isbn()))
                .or(() -> findBy("issn", entry.issn()));
        BibliographicRecord record = existing.isPresent()
                ? existing.get().revise(entry.title(), entry.format())
                : new BibliographicRecord(entry.title(), entry.format());
        // A work keeps the control number it was first catalogued under, and the standard numbers another library's
        // record supplied when this one has none: a work found by its ISBN may come from another catalogue.
        record.identifiedBy(
                        record.controlNumber() != null ? record.controlNumber() : entry.controlNumber(),
                        entry.isbn() != null ? entry.isbn() : record.isbn(),
                        entry.issn() != null ? entry.issn() : record.issn())
                .describedAs(entry.subtitle(), entry.authors(), entry.publisher(), entry.publicationYear(),
                        entry.edition(), entry.language(), entry.subjects());
        if (existing.isEmpty()) {
            em.persist(record);
        }
        return new Stored(record, existing.isEmpty());
    }

    /** The oldest record whose identifier field has that value; none when the entry has no such identifier. */
    private Optional<BibliographicRecord> findBy(String identifier, String value) {
        if (value == null) {
            // never compare with null: EclipseLink would turn "= :value" into "IS NULL" and match unrelated records
            return Optional.empty();
        }
        return em.createQuery("SELECT r FROM BibliographicRecord r WHERE r." + identifier + " = :value ORDER BY r.id",
                        BibliographicRecord.class)
                .setParameter("value", value)
                .setMaxResults(1)
                .getResultStream()
                .findFirst();
    }
}
