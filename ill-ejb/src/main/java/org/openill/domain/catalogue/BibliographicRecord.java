package org.openill.domain.catalogue;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.openill.domain.IllRuleViolation;

/**
 * A description of a work in the union catalogue of the network (a book, a journal ...), shared by the holdings of
 * every library that has a copy. The database keeps a full-text search vector over title, authors, subjects and
 * identifiers.
 */
@Entity
@Table(name = "bib_record")
@SequenceGenerator(name = "bib_record_seq", sequenceName = "bib_record_seq", allocationSize = 50)
public class BibliographicRecord {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "bib_record_seq")
    private Long id;

    @Column(name = "control_number", length = 50, unique = true)
    private String controlNumber;

    @Column(nullable = false, length = 1000)
    private String title;

    @Column(length = 1000)
    private String subtitle;

    /** Authors as the catalogue shows them, separated by "; ". */
    @Column(length = 2000)
    private String authors;

    @Column(length = 13)
    private String isbn;

    @Column(length = 9)
    private String issn;

    @Column(length = 300)
    private String publisher;

    @Column(name = "publication_year")
    private Integer publicationYear;

    @Column(length = 100)
    private String edition;

    @Column(length = 3)
    private String language;

    /** Subject headings, separated by "; ". */
    @Column(length = 2000)
    private String subjects;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private RecordFormat format;

    @Version
    private long version;

    protected BibliographicRecord() {
        // for JPA
    }

    public BibliographicRecord(String title, RecordFormat format) {
        entitle(title, format);
    }

    /** Corrects the title and the form of the work, as when the source catalogue revised its record. */
    public BibliographicRecord revise(String title, RecordFormat format) {
        entitle(title, format);
        return this;
    }

    private void entitle(String title, RecordFormat format) {
        if (title == null || title.isBlank()) {
            throw new IllRuleViolation("A bibliographic record needs a title");
        }
        if (format == null) {
            throw new IllRuleViolation("A bibliographic record needs a format");
        }
        this.title = title.trim();
        this.format = format;
    }

    /** Sets what identifies the work: control number from the source catalogue, ISBN (13 digits), ISSN. */
    public BibliographicRecord identifiedBy(String controlNumber, String isbn, String issn) {
        this.controlNumber = controlNumber;
        this.isbn = isbn == null ? null : Identifiers.normalizeIsbn(isbn);
        this.issn = issn == null ? null : Identifiers.normalizeIssn(issn);
        return this;
    }

    public BibliographicRecord describedAs(String subtitle, String authors, String publisher, Integer year,
                                           String edition, String language, String subjects) {
        this.subtitle = subtitle;
        this.authors = authors;
        this.publisher = publisher;
        this.publicationYear = year;
        this.edition = edition;
        this.language = language;
        this.subjects = subjects;
        return this;
    }

    public Long id() {
        return id;
    }

    public String controlNumber() {
        return controlNumber;
    }

    public String title() {
        return title;
    }

    public String authors() {
        return authors;
    }

    public String isbn() {
        return isbn;
    }

    public String issn() {
        return issn;
    }

    public RecordFormat format() {
        return format;
    }
}
