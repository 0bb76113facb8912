package org.openill.application.staff;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import org.openill.application.CatalogueImport;
import org.openill.application.ImportReport;
import org.openill.domain.library.Library;
import org.openill.infrastructure.marc.MarcFormat;

import java.io.InputStream;

/**
 * A library's administrator brings the library's catalogue into the union catalogue: a MARC 21 or MARCXML file, its
 * works and, from its 852 fields, the library's own copies in its own collections. Chunk by chunk, never in one
 * transaction (see {@link CatalogueImport}).
 */
@Stateless
@RolesAllowed("ILL_ADMIN")
public class StaffCatalogue {

    /** The largest file the back office takes, in bytes (also the Faces servlet's multipart limit). */
    public static final long MAX_FILE_BYTES = 10_000_000;

    @EJB
    private StaffCaller caller;

    @EJB
    private CatalogueImport catalogueImport;

    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public ImportReport importFile(String fileName, InputStream file, MarcFormat format) {
        Library library = caller.ownLibrary();
        return catalogueImport.importMarc(caller.account().actor(), fileName, file, format,
                library.agencyId().value(), null);
    }

    /** The format a file's name says it is in: MARCXML for .xml, else MARC 21 (ISO 2709). */
    public static MarcFormat formatOf(String fileName) {
        return fileName != null && fileName.toLowerCase(java.util.Locale.ROOT).endsWith(".xml") ? MarcFormat.MARCXML
                : MarcFormat.MARC21;
    }
}
