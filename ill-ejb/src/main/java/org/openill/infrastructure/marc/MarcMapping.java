package org.openill.infrastructure.marc;

/** What a MARC record becomes for the union catalogue: an entry, or a rejection with its reason. */
public sealed interface MarcMapping permits CatalogueEntry, MarcMapping.Rejected {

    /**
     * A record the union catalogue cannot take.
     *
     * @param controlNumber the record's control number (001) when it has one
     * @param reason        why, in the words a cataloguer would use, e.g. "no title (245 $a)"
     */
    record Rejected(String controlNumber, String reason) implements MarcMapping {
    }
}
