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
import org.openill.domain.Text;

/**
 * A description of a work in the union catalogue of the network (a book, a journal ...), shared by the holdings of
 * every library that has a copy. The database keeps a full-text search vector over title, authors, subjects and
 * identifiers.
 */
@Entity
@Table(name = "bib_record")
@SequenceGenerator(name = "bib_record_seq", sequenceName = "bib_record_seq", allocationSize = 50)
public class BibliographicRecord {

    public static final int CONTROL_NUMBER_LENGTH = 50;
    public static final int TITLE_LENGTH = 1000;
    public static final int SUBTITLE_LENGTH = 1000;
    public static final int AUTHORS_LENGTH = 2000;
    public static final int PUBLISHER_LENGTH = 300;
    public static final int EDITION_LENGTH = 100;
    public static final int LANGUAGE_LENGTH = 3;
    public static final int SUBJECTS_LENGTH = 2000;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "bib_record_seq")
    private Long id;

    @Column(name = "control_number", length = CONTROL_NUMBER_LENGTH, unique = true)
    private String controlNumber;

    @Column(nullable = false, length = TITLE_LENGTH)
    private String title;

    @Column(length = SUBTITLE_LENGTH)
    private String subtitle;

    /** The title in the script of the item's language (MARC 880), e.g. 红楼梦; searchable as readers type it. */
    @Column(name = "original_title", length = TITLE_LENGTH)
    private String originalTitle;

    /** Authors as the catalogue shows them, separated by "; ". */
    @Column(length = AUTHORS_LENGTH)
    private String authors;

    @Column(length = 13)
    private String isbn;

    @Column(length = 9)
    private String issn;

    @Column(length = PUBLISHER_LENGTH)
    private String publisher;

    @Column(name = "publication_year")
    private Integer publicationYear;

    @Column(length = EDITION_LENGTH)
    private String edition;

    @Column(length = LANGUAGE_LENGTH)
    private String language;

    /** Subject headings, separated by "; ". */
    @Column(length = SUBJECTS_LENGTH)
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
        String checkedTitle = Text.required("title", title, TITLE_LENGTH);
        if (format == null) {
            throw new IllRuleViolation("A bibliographic record needs a format");
        }
        this.title = checkedTitle;
        this.format = format;
    }

    /** Sets what identifies the work: control number from the source catalogue, ISBN (13 digits), ISSN. */
    public BibliographicRecord identifiedBy(String controlNumber, String isbn, String issn) {
        String checkedControlNumber = Text.optional("control number", controlNumber, CONTROL_NUMBER_LENGTH);
        String checkedIsbn = Identifiers.isbnOf(isbn);
        String checkedIssn = Identifiers.issnOf(issn);
        this.controlNumber = checkedControlNumber;
        this.isbn = checkedIsbn;
        this.issn = checkedIssn;
        return this;
    }

    public BibliographicRecord describedAs(String subtitle, String authors, String publisher, Integer year,
                                           String edition, String language, String subjects) {
        String checkedSubtitle = Text.optional("subtitle", subtitle, SUBTITLE_LENGTH);
        String checkedAuthors = Text.optional("authors", authors, AUTHORS_LENGTH);
        String checkedPublisher = Text.optional("publisher", publisher, PUBLISHER_LENGTH);
        String checkedEdition = Text.optional("edition", edition, EDITION_LENGTH);
        String checkedLanguage = Text.optional("language", language, LANGUAGE_LENGTH);
        String checkedSubjects = Text.optional("subjects", subjects, SUBJECTS_LENGTH);
        this.subtitle = checkedSubtitle;
        this.authors = checkedAuthors;
        this.publisher = checkedPublisher;
        this.publicationYear = year;
        this.edition = checkedEdition;
        this.language = checkedLanguage;
        this.subjects = checkedSubjects;
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

    /** Gives the title in the original script of the item (null: none). */
    public BibliographicRecord originallyTitled(String originalTitle) {
        this.originalTitle = Text.optional("original title", originalTitle, TITLE_LENGTH);
        return this;
    }

    public String originalTitle() {
        return originalTitle;
    }

    public String subtitle() {
        return subtitle;
    }

    public String publisher() {
        return publisher;
    }

    public Integer publicationYear() {
        return publicationYear;
    }

    public String edition() {
        return edition;
    }

    public String language() {
        return language;
    }

    public RecordFormat format() {
        return format;
    }
}
