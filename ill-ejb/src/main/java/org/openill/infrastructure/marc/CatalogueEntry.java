package org.openill.infrastructure.marc;

import org.openill.domain.catalogue.RecordFormat;

/**
 * A work as the union catalogue will describe it, taken from a library's MARC record: cleaned of ISBD punctuation,
 * standard numbers checked and normalised (ISBN-13, ISSN NNNN-NNNC), every value within what the catalogue keeps.
 * Absent values are null; authors and subjects are separated by "; ".
 */
public record CatalogueEntry(String controlNumber, String title, String subtitle, String authors, String isbn,
                             String issn, String publisher, Integer publicationYear, String edition,
                             String language, String subjects, RecordFormat format) implements MarcMapping {
}
