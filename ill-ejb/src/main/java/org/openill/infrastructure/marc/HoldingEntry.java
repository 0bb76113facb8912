package org.openill.infrastructure.marc;

/**
 * One copy a library's MARC record says it holds (field 852): the branch ($b, when a shelving location $c follows it)
 * and the collection it stands in (its shelving location $c, else $b), matched to the codes of the library's branches
 * and collections; its call number ($h and $i, else $j) and its barcode ($p). Absent values are null.
 */
public record HoldingEntry(String branch, String collection, String callNumber, String barcode) {
}
