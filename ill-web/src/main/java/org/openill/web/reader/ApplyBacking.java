package org.openill.web.reader;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.openill.application.ApplicationTerms;
import org.openill.application.reader.ApplicationForm;
import org.openill.application.reader.ReaderPortal;
import org.openill.domain.IllRuleViolation;
import org.openill.domain.InvalidInputException;
import org.openill.domain.NotFoundException;
import org.openill.domain.request.BibliographicDescription;
import org.openill.domain.request.ServiceType;
import org.openill.web.common.Texts;

import java.io.IOException;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

/**
 * The application form: filled in from the reader's record and the catalogue record chosen (or empty, for an item
 * the reader describes), for a loan or a copy. What the services refuse shows next to the field at fault, or above
 * the form; nothing typed is lost.
 */
@Named
@ViewScoped
public class ApplyBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The fields the services name in their refusals, and the inputs they belong to. */
    private static final Map<String, String> INPUTS = Map.ofEntries(
            Map.entry("title", "title"), Map.entry("author", "authors"), Map.entry("ISBN", "isbn"),
            Map.entry("ISSN", "issn"), Map.entry("publisher", "publisher"), Map.entry("edition", "edition"),
            Map.entry("title of the article or chapter", "partTitle"),
            Map.entry("author of the article or chapter", "partAuthor"), Map.entry("pages", "pages"),
            Map.entry("volume", "volume"), Map.entry("issue", "issue"), Map.entry("needed before", "neededBefore"),
            Map.entry("maximum cost", "maxCost"), Map.entry("note", "note"), Map.entry("pick-up branch", "pickup"));

    @Inject
    ReaderPortal portal;

    private String record;
    private String citation;
    private ApplicationForm form;
    private ServiceType service = ServiceType.LOAN;
    private String title;
    private String authors;
    private String isbn;
    private String issn;
    private String publisher;
    private Integer year;
    private String edition;
    private String partTitle;
    private String partAuthor;
    private String volume;
    private String issue;
    private String pages;
    private LocalDate neededBefore;
    private String pickup;
    private BigDecimal maxCost;
    private String note;
    private boolean copyrightDeclared;

    /** Fills the form in from the reader's record and the catalogue record named by the address (404 if none). */
    public void load() throws IOException {
        FacesContext context = FacesContext.getCurrentInstance();
        if (context.isPostback()) {
            return;
        }
        Long recordId = null;
        OpenUrlCitation cited = OpenUrlServlet.citation(
                ((jakarta.servlet.http.HttpServletRequest) context.getExternalContext().getRequest()).getSession(false),
                citation);
        try {
            recordId = record == null || record.isBlank() ? null : Long.valueOf(record.strip());
            if (recordId == null && cited != null) {
                recordId = portal.catalogueRecordWith(cited.isbn(), cited.issn()).orElse(null);
            }
            form = portal.applicationFor(recordId);
        } catch (NumberFormatException | NotFoundException noSuchRecord) {
            context.getExternalContext().responseSendError(404, Texts.of("apply.noRecord"));
            context.responseComplete();
            return;
        }
        title = form.title();
        authors = form.authors();
        isbn = form.isbn();
        issn = form.issn();
        publisher = form.publisher();
        year = form.year();
        edition = form.edition();
        if (form.ownLoan() != null && form.ownCopy() == null) {
            service = ServiceType.COPY;
        }
        if (cited != null) {
            fillIn(cited);
        }
    }

    /** What a link from a discovery system says of the item, where the catalogue record does not say it already. */
    private void fillIn(OpenUrlCitation cited) {
        if (!isFromCatalogue()) {
            title = cited.title();
            authors = cited.authors() != null ? cited.authors() : cited.partAuthor();
            isbn = cited.isbn();
            issn = cited.issn();
            publisher = cited.publisher();
            year = cited.year();
            edition = cited.edition();
        }
        if (cited.part()) {
            service = ServiceType.COPY;
            partTitle = cited.partTitle();
            partAuthor = cited.partAuthor();
            pages = cited.pages();
        }
        volume = cited.volume();
        issue = cited.issue();
    }

    public void apply() throws IOException {
        try {
            BibliographicDescription description = BibliographicDescription.titled(title).by(authors)
                    .isbn(blankToNull(isbn)).issn(blankToNull(issn)).published(publisher, year, edition)
                    .part(service == ServiceType.COPY ? partTitle : null, service == ServiceType.COPY ? partAuthor : null,
                            volume, issue, service == ServiceType.COPY ? pages : null)
                    .build();
            long id = portal.apply(form.recordId(), description, service, new ApplicationTerms(neededBefore,
                    blankToNull(pickup), maxCost, note, service == ServiceType.COPY && copyrightDeclared));
            ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
            external.getFlash().setKeepMessages(true);
            Texts.message(null, FacesMessage.SEVERITY_INFO, "apply.sent", String.valueOf(id));
            external.redirect(external.getRequestContextPath() + "/my/request.xhtml?id=" + id);
        } catch (InvalidInputException badField) {
            String input = INPUTS.get(badField.field());
            // a message next to its field shows its detail, one above the form its summary
            String said = Texts.refusal(badField);
            FacesContext.getCurrentInstance().addMessage(input == null ? null : "apply:" + input,
                    new FacesMessage(FacesMessage.SEVERITY_ERROR, said, said));
        } catch (IllRuleViolation refused) {
            FacesContext.getCurrentInstance().addMessage(null,
                    new FacesMessage(FacesMessage.SEVERITY_ERROR, Texts.refusal(refused), null));
        }
    }

    /** Whether interlibrary loan is not the way for the chosen service: the reader's own library has the item. */
    public String getOwnLibrary() {
        return form == null ? null : service == ServiceType.LOAN ? form.ownLoan() : form.ownCopy();
    }

    public boolean isCopy() {
        return service == ServiceType.COPY;
    }

    public boolean isFromCatalogue() {
        return form != null && form.recordId() != null;
    }

    public LocalDate getTomorrow() {
        return LocalDate.now().plusDays(1);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    public ApplicationForm getForm() {
        return form;
    }

    public String getCitation() {
        return citation;
    }

    public void setCitation(String citation) {
        this.citation = citation;
    }

    public String getRecord() {
        return record;
    }

    public void setRecord(String record) {
        this.record = record;
    }

    public ServiceType getService() {
        return service;
    }

    public void setService(ServiceType service) {
        this.service = service;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getAuthors() {
        return authors;
    }

    public void setAuthors(String authors) {
        this.authors = authors;
    }

    public String getIsbn() {
        return isbn;
    }

    public void setIsbn(String isbn) {
        this.isbn = isbn;
    }

    public String getIssn() {
        return issn;
    }

    public void setIssn(String issn) {
        this.issn = issn;
    }

    public String getPublisher() {
        return publisher;
    }

    public void setPublisher(String publisher) {
        this.publisher = publisher;
    }

    public Integer getYear() {
        return year;
    }

    public void setYear(Integer year) {
        this.year = year;
    }

    public String getEdition() {
        return edition;
    }

    public void setEdition(String edition) {
        this.edition = edition;
    }

    public String getPartTitle() {
        return partTitle;
    }

    public void setPartTitle(String partTitle) {
        this.partTitle = partTitle;
    }

    public String getPartAuthor() {
        return partAuthor;
    }

    public void setPartAuthor(String partAuthor) {
        this.partAuthor = partAuthor;
    }

    public String getVolume() {
        return volume;
    }

    public void setVolume(String volume) {
        this.volume = volume;
    }

    public String getIssue() {
        return issue;
    }

    public void setIssue(String issue) {
        this.issue = issue;
    }

    public String getPages() {
        return pages;
    }

    public void setPages(String pages) {
        this.pages = pages;
    }

    public LocalDate getNeededBefore() {
        return neededBefore;
    }

    public void setNeededBefore(LocalDate neededBefore) {
        this.neededBefore = neededBefore;
    }

    public String getPickup() {
        return pickup;
    }

    public void setPickup(String pickup) {
        this.pickup = pickup;
    }

    public BigDecimal getMaxCost() {
        return maxCost;
    }

    public void setMaxCost(BigDecimal maxCost) {
        this.maxCost = maxCost;
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }

    public boolean isCopyrightDeclared() {
        return copyrightDeclared;
    }

    public void setCopyrightDeclared(boolean copyrightDeclared) {
        this.copyrightDeclared = copyrightDeclared;
    }
}
