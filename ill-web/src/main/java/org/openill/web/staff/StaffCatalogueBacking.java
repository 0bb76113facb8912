package org.openill.web.staff;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.openill.application.ImportReport;
import org.openill.application.staff.StaffCatalogue;
import org.openill.domain.IllException;
import org.openill.web.common.Texts;
import org.primefaces.event.FileUploadEvent;
import org.primefaces.model.file.UploadedFile;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;

/**
 * The catalogue import of the back office: a MARC 21 or MARCXML file uploaded (with the upload's progress shown),
 * bounded in size, imported with the library's holdings, and the report of what was added and what was skipped.
 */
@Named
@ViewScoped
public class StaffCatalogueBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    StaffCatalogue catalogue;

    private ImportReport report;
    private String fileName;

    public void upload(FileUploadEvent event) {
        UploadedFile file = event.getFile();
        if (file.getSize() > StaffCatalogue.MAX_FILE_BYTES) {
            Texts.message(null, FacesMessage.SEVERITY_ERROR, "catalogue.tooLarge", StaffCatalogue.MAX_FILE_BYTES / 1_000_000);
            return;
        }
        try (InputStream input = file.getInputStream()) {
            report = catalogue.importFile(file.getFileName(), input, StaffCatalogue.formatOf(file.getFileName()));
            fileName = file.getFileName();
            Texts.message(null, FacesMessage.SEVERITY_INFO, "catalogue.done", fileName, report.created(),
                    report.updated(), report.holdings(), report.skipped().size());
        } catch (IllException refused) {
            Texts.refused(null, refused);
        } catch (IOException unreadable) {
            Texts.message(null, FacesMessage.SEVERITY_ERROR, "catalogue.unreadable", file.getFileName());
        }
    }

    public ImportReport getReport() {
        return report;
    }

    public String getFileName() {
        return fileName;
    }

    public long getMaxBytes() {
        return StaffCatalogue.MAX_FILE_BYTES;
    }
}
