package org.openill.domain.request;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import org.openill.domain.Text;
import org.openill.domain.catalogue.Identifiers;

/**
 * What the reader asks for, as they described it: the work, and for a copy the part of it (article or chapter, with
 * pages). Kept on the request as given, so it stays accurate even if the catalogue changes later.
 */
@Embeddable
public class BibliographicDescription {

    public static final int TITLE_LENGTH = 1000;
    public static final int AUTHORS_LENGTH = 2000;
    public static final int PUBLISHER_LENGTH = 300;
    public static final int EDITION_LENGTH = 100;
    public static final int PART_TITLE_LENGTH = 1000;
    public static final int PART_AUTHOR_LENGTH = 500;
    public static final int PART_NUMBER_LENGTH = 50;

    @Column(name = "bib_title", nullable = false, length = TITLE_LENGTH)
    private String title;

    @Column(name = "bib_authors", length = AUTHORS_LENGTH)
    private String authors;

    @Column(name = "bib_isbn", length = 13)
    private String isbn;

    @Column(name = "bib_issn", length = 9)
    private String issn;

    @Column(name = "bib_publisher", length = PUBLISHER_LENGTH)
    private String publisher;

    @Column(name = "bib_year")
    private Integer year;

    @Column(name = "bib_edition", length = EDITION_LENGTH)
    private String edition;

    @Column(name = "part_title", length = PART_TITLE_LENGTH)
    private String partTitle;

    @Column(name = "part_author", length = PART_AUTHOR_LENGTH)
    private String partAuthor;

    @Column(name = "part_volume", length = PART_NUMBER_LENGTH)
    private String volume;

    @Column(name = "part_issue", length = PART_NUMBER_LENGTH)
    private String issue;

    @Column(name = "part_pages", length = PART_NUMBER_LENGTH)
    private String pages;

    protected BibliographicDescription() {
        // for JPA
    }

    private BibliographicDescription(Builder builder) {
        this.title = Text.optional("title", builder.title, TITLE_LENGTH);
        this.authors = Text.optional("author", builder.authors, AUTHORS_LENGTH);
        this.isbn = Identifiers.isbnOf(builder.isbn);
        this.issn = Identifiers.issnOf(builder.issn);
        this.publisher = Text.optional("publisher", builder.publisher, PUBLISHER_LENGTH);
        this.year = builder.year;
        this.edition = Text.optional("edition", builder.edition, EDITION_LENGTH);
        this.partTitle = Text.optional("title of the article or chapter", builder.partTitle, PART_TITLE_LENGTH);
        this.partAuthor = Text.optional("author of the article or chapter", builder.partAuthor, PART_AUTHOR_LENGTH);
        this.volume = Text.optional("volume", builder.volume, PART_NUMBER_LENGTH);
        this.issue = Text.optional("issue", builder.issue, PART_NUMBER_LENGTH);
        this.pages = Text.optional("pages", builder.pages, PART_NUMBER_LENGTH);
    }

    public static Builder titled(String title) {
        return new Builder(title);
    }

    /** What a description lacks to identify the item for a service. */
    public enum Gap {
        TITLE, IDENTIFIER_OR_AUTHOR, PART_TITLE, PAGES, VOLUME_OR_ISSUE
    }

    /**
     * What this description lacks to identify the item for the given service, or null when nothing: a title, and an
     * ISBN, ISSN or author; for a copy also the article or chapter and its pages (and for a journal its volume or
     * issue).
     */
    public Gap gapFor(ServiceType service) {
        if (title == null) {
            return Gap.TITLE;
        }
        if (isbn == null && issn == null && authors == null) {
            return Gap.IDENTIFIER_OR_AUTHOR;
        }
        if (service == ServiceType.COPY) {
            if (partTitle == null) {
                return Gap.PART_TITLE;
            }
            if (pages == null) {
                return Gap.PAGES;
            }
            if (issn != null && volume == null && issue == null) {
                return Gap.VOLUME_OR_ISSUE;
            }
        }
        return null;
    }

    /** Why this description cannot identify the item for the given service, in words, or null when it can. */
    public String insufficiencyFor(ServiceType service) {
        Gap gap = gapFor(service);
        if (gap == null) {
            return null;
        }
        return switch (gap) {
            case TITLE -> "the title is missing";
            case IDENTIFIER_OR_AUTHOR -> "give an ISBN, an ISSN or the author, so that the lender can identify \""
                    + title + "\"";
            case PART_TITLE -> "a copy needs the title of the article or chapter";
            case PAGES -> "a copy needs the pages of the article or chapter";
            case VOLUME_OR_ISSUE -> "a copy from a journal needs the volume or issue";
        };
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

    public String partAuthor() {
        return partAuthor;
    }

    public String edition() {
        return edition;
    }

    public String publisher() {
        return publisher;
    }

    public Integer year() {
        return year;
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
