package org.openill.application;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.marc4j.marc.Record;
import org.openill.domain.Actor;
import org.openill.domain.Text;
import org.openill.domain.audit.AuditEntry;
import org.openill.domain.catalogue.BibliographicRecord;
import org.openill.infrastructure.marc.CatalogueEntry;
import org.openill.infrastructure.marc.MarcFileReader;
import org.openill.infrastructure.marc.MarcFormat;
import org.openill.infrastructure.marc.MarcMapping;
import org.openill.infrastructure.marc.MarcRecordMapper;
import org.openill.infrastructure.persistence.UniqueKeys;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
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

    /** Records written to the database before the persistence context is emptied, so large files fit in memory. */
    private static final int BATCH_SIZE = 500;

    @PersistenceContext(unitName = "ill")
    private EntityManager em;

    @EJB
    private AuditLog audit;

    /**
     * Imports every record of the file the catalogue can take and reports the others as skipped, with the reason.
     * A damaged file keeps the records read before the damage; the damage is reported as one skipped entry.
     */
    public ImportReport importMarc(Actor staff, String fileName, InputStream input, MarcFormat format) {
        staff.requireLibraryStaff("import into the union catalogue");
        // the file name names the import in the audit trail
        String name = Text.required("file name", fileName, AuditEntry.SUBJECT_ID_LENGTH);
        ImportRun run = new ImportRun();
        Optional<String> damage = MarcFileReader.readEach(input, format, run);
        damage.ifPresent(reason -> run.skipped.add(new SkippedRecord(run.position + 1, null, reason)));
        UniqueKeys.flush(em);
        ImportReport report = new ImportReport(run.created, run.updated, run.skipped);
        audit.record(staff, "CATALOGUE_IMPORT", name, "IMPORT_" + format.name(), null, null, report.summary());
        LOG.info(() -> "Catalogue import of " + name + " (" + format.label() + "): " + report.summary());
        return report;
    }

    /** Takes the records of one file in turn and counts what became of them. */
    private final class ImportRun implements Consumer<Record> {

        private int position;
        private int created;
        private int updated;
        private final List<SkippedRecord> skipped = new ArrayList<>();

        @Override
        public void accept(Record marc) {
            position++;
            MarcMapping mapping = map(marc);
            if (mapping instanceof CatalogueEntry entry) {
                if (store(entry)) {
                    created++;
                } else {
                    updated++;
                }
            } else if (mapping instanceof MarcMapping.Rejected rejected) {
                skipped.add(new SkippedRecord(position, rejected.controlNumber(), rejected.reason()));
            }
            if (position % BATCH_SIZE == 0) {
                UniqueKeys.flush(em);
                em.clear();
            }
        }

        private MarcMapping map(Record marc) {
            try {
                return MarcRecordMapper.map(marc);
            } catch (RuntimeException unforeseen) {
                // One record the mapper did not foresee must not cost the rest of the file.
                LOG.log(Level.WARNING, unforeseen, () -> "Cannot map record " + position + " of an import");
                return new MarcMapping.Rejected(marc.getControlNumber(),
                        "the record could not be interpreted (" + unforeseen + ")");
            }
        }
    }

    /**
     * Updates the catalogue's description of the work, or adds the work.
     *
     * @return true when the work was added
     */
    private boolean store(CatalogueEntry entry) {
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
        return existing.isEmpty();
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
