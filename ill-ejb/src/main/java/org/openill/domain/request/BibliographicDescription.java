package org.openill.domain.request;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import org.openill.domain.catalogue.Identifiers;

/**
 * What the reader asks for, as they described it: the work, and for a copy the part of it (article or chapter, with
 * pages). Kept on the request as given, so it stays accurate even if the catalogue changes later.
 */
@Embeddable
public class BibliographicDescription {

    @Column(name = "bib_title", nullable = false, length = 1000)
    private String title;

    @Column(name = "bib_authors", length = 2000)
    private String authors;

    @Column(name = "bib_isbn", length = 13)
    private String isbn;

    @Column(name = "bib_issn", length = 9)
    private String issn;

    @Column(name = "bib_publisher", length = 300)
    private String publisher;

    @Column(name = "bib_year")
    private Integer year;

    @Column(name = "bib_edition", length = 100)
    private String edition;

    @Column(name = "part_title", length = 1000)
    private String partTitle;

    @Column(name = "part_author", length = 500)
    private String partAuthor;

    @Column(name = "part_volume", length = 50)
    private String volume;

    @Column(name = "part_issue", length = 50)
    private String issue;

    @Column(name = "part_pages", length = 50)
    private String pages;

    protected BibliographicDescription() {
        // for JPA
    }

    private BibliographicDescription(Builder builder) {
        this.title = trim(builder.title);
        this.authors = trim(builder.authors);
        this.isbn = builder.isbn == null || builder.isbn.isBlank() ? null : Identifiers.normalizeIsbn(builder.isbn);
        this.issn = builder.issn == null || builder.issn.isBlank() ? null : Identifiers.normalizeIssn(builder.issn);
        this.publisher = trim(builder.publisher);
        this.year = builder.year;
        this.edition = trim(builder.edition);
        this.partTitle = trim(builder.partTitle);
        this.partAuthor = trim(builder.partAuthor);
        this.volume = trim(builder.volume);
        this.issue = trim(builder.issue);
        this.pages = trim(builder.pages);
    }

    public static Builder titled(String title) {
        return new Builder(title);
    }

    /**
     * Why this description cannot identify the item for the given service, or null when it can: a title, and an
     * ISBN, ISSN or author; for a copy also the article or chapter and its pages.
     */
    public String insufficiencyFor(ServiceType service) {
        if (title == null) {
            return "the title is missing";
        }
        if (isbn == null && issn == null && authors == null) {
            return "give an ISBN, an ISSN or the author, so that the lender can identify \"" + title + "\"";
        }
        if (service == ServiceType.COPY) {
            if (partTitle == null) {
                return "a copy needs the title of the article or chapter";
            }
            if (pages == null) {
                return "a copy needs the pages of the article or chapter";
            }
            if (issn != null && volume == null && issue == null) {
                return "a copy from a journal needs the volume or issue";
            }
        }
        return null;
    }

    private static String trim(String value) {
        return value == null || value.isBlank() ? null : value.trim();
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

    public String partTitle() {
        return partTitle;
    }

    public String pages() {
        return pages;
    }

    public String volume() {
        return volume;
    }

    public String issue() {
        return issue;
    }

    /** Collects a description field by field; ISBN and ISSN are checked when built. */
    public static final class Builder {
        private final String title;
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

        private Builder(String title) {
            this.title = title;
        }

        public Builder by(String authors) {
            this.authors = authors;
            return this;
        }

        public Builder isbn(String isbn) {
            this.isbn = isbn;
            return this;
        }

        public Builder issn(String issn) {
            this.issn = issn;
            return this;
        }

        public Builder published(String publisher, Integer year, String edition) {
            this.publisher = publisher;
            this.year = year;
            this.edition = edition;
            return this;
        }

        /** The article or chapter wanted as a copy. */
        public Builder part(String partTitle, String partAuthor, String volume, String issue, String pages) {
            this.partTitle = partTitle;
            this.partAuthor = partAuthor;
            this.volume = volume;
            this.issue = issue;
            this.pages = pages;
            return this;
        }

        public BibliographicDescription build() {
            return new BibliographicDescription(this);
        }
    }
}
