package org.openill.web.reader;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The item an OpenURL describes (ANSI/NISO Z39.88-2004, key/encoded-value format, version 1.0 with {@code rft.} keys
 * and version 0.1 with plain ones), as a discovery system or link resolver sends a reader to the application form:
 * a book, or an article or chapter, whose copy is then what the reader asks for.
 */
public record OpenUrlCitation(boolean part, String title, String partTitle, String authors, String partAuthor,
                              String isbn, String issn, String volume, String issue, String pages, Integer year,
                              String publisher, String edition) implements java.io.Serializable {

    /** The genres that name a part of something (an article, a chapter ...): the reader wants a copy. */
    private static final List<String> PART_GENRES = List.of("article", "bookitem", "proceeding", "conference",
            "preprint");

    /** The longest value taken from a link: anything longer is cut (the form's own limits then say more). */
    static final int MAX_VALUE = 1000;

    /**
     * Reads the citation from the query parameters of an OpenURL; version 1.0 when {@code url_ver} is Z39.88-2004 or
     * any {@code rft.} key is present, else version 0.1.
     *
     * @return empty when the link names no title at all
     */
    public static Optional<OpenUrlCitation> of(Map<String, String[]> parameters) {
        boolean v1 = "Z39.88-2004".equals(first(parameters, "url_ver"))
                || parameters.keySet().stream().anyMatch(key -> key.startsWith("rft."));
        String prefix = v1 ? "rft." : "";
        String genre = value(parameters, prefix + "genre");
        String journal = firstOf(parameters, prefix + "jtitle", prefix + "title", prefix + "stitle");
        String book = firstOf(parameters, prefix + "btitle", prefix + "title");
        String articleTitle = value(parameters, prefix + "atitle");
        boolean part = articleTitle != null || genre != null && PART_GENRES.contains(genre.toLowerCase());
        boolean journalArticle = value(parameters, prefix + "issn") != null || value(parameters, prefix + "eissn") != null
                || "article".equalsIgnoreCase(genre) || value(parameters, prefix + "jtitle") != null;
        String title = journalArticle ? journal : book;
        if (title == null && articleTitle == null) {
            return Optional.empty();
        }
        String authors = authors(parameters, prefix);
        String pages = value(parameters, prefix + "pages");
        String start = value(parameters, prefix + "spage");
        String end = value(parameters, prefix + "epage");
        if (pages == null && start != null) {
            pages = end == null ? start : start + "-" + end;
        }
        return Optional.of(new OpenUrlCitation(part, title == null ? articleTitle : title,
                part ? articleTitle : null, part ? null : authors, part ? authors : null,
                firstOf(parameters, prefix + "isbn"), firstOf(parameters, prefix + "issn", prefix + "eissn"),
                value(parameters, prefix + "volume"), value(parameters, prefix + "issue"), part ? pages : null,
                year(value(parameters, prefix + "date")), value(parameters, prefix + "pub"),
                value(parameters, prefix + "edition")));
    }

    private static String authors(Map<String, String[]> parameters, String prefix) {
        String whole = value(parameters, prefix + "au");
        if (whole != null) {
            return whole;
        }
        String last = value(parameters, prefix + "aulast");
        if (last == null) {
            return value(parameters, prefix + "aucorp");
        }
        String first = firstOf(parameters, prefix + "aufirst", prefix + "auinit");
        return first == null ? last : last + ", " + first;
    }

    /** The year a date of the forms YYYY, YYYY-MM or YYYY-MM-DD starts with. */
    private static Integer year(String date) {
        return date != null && date.matches("\\d{4}(-.*)?") ? Integer.valueOf(date.substring(0, 4)) : null;
    }

    private static String firstOf(Map<String, String[]> parameters, String... keys) {
        for (String key : keys) {
            String found = value(parameters, key);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private static String value(Map<String, String[]> parameters, String key) {
        String value = first(parameters, key);
        if (value == null || value.isBlank()) {
            return null;
        }
        String clean = value.strip().replaceAll("\\p{Cntrl}", " ");
        return clean.length() > MAX_VALUE ? clean.substring(0, MAX_VALUE) : clean;
    }

    private static String first(Map<String, String[]> parameters, String key) {
        String[] values = parameters.get(key);
        return values == null || values.length == 0 ? null : values[0];
    }
}
