package org.openill.application.reader;

import org.openill.application.LibraryChoice;

import java.util.List;

/**
 * What an application form starts with: who applies, the branches of their library to pick up at, and the item
 * chosen in the union catalogue (all null for an item the reader describes). Where the reader's own library can lend
 * or copy the item itself, {@code ownLoan} and {@code ownCopy} say where, and interlibrary loan is not offered for it.
 */
public record ApplicationForm(ReaderProfile reader, List<LibraryChoice> branches, Long recordId, String title,
                              String authors, String isbn, String issn, String publisher, Integer year,
                              String edition, String ownLoan, String ownCopy) {
}
