package org.openill.domain.catalogue;

import org.openill.domain.InvalidInputException;

/** Checks and normalises the standard numbers that identify works: ISBN-10/13 and ISSN. */
public final class Identifiers {

    private Identifiers() {
    }

    /**
     * The ISBN-13 form of an ISBN given with or without hyphens, as ISBN-10 or ISBN-13.
     *
     * @throws IllegalArgumentException when the number is malformed or its check digit is wrong
     */
    public static String normalizeIsbn(String isbn) {
        String digits = isbn.replaceAll("[\\s-]", "").toUpperCase();
        if (digits.matches("\\d{9}[\\dX]")) {
            if (isbn10CheckDigit(digits.substring(0, 9)) != digits.charAt(9)) {
                throw new IllegalArgumentException("ISBN " + isbn + " has a wrong check digit");
            }
            String core = "978" + digits.substring(0, 9);
            return core + isbn13CheckDigit(core);
        }
        if (digits.matches("97[89]\\d{10}")) {
            if (isbn13CheckDigit(digits.substring(0, 12)) != digits.charAt(12)) {
                throw new IllegalArgumentException("ISBN " + isbn + " has a wrong check digit");
            }
            return digits;
        }
        throw new IllegalArgumentException("'" + isbn + "' is not an ISBN (10 or 13 digits)");
    }

    /**
     * The ISSN in its printed form NNNN-NNNC.
     *
     * @throws IllegalArgumentException when the number is malformed or its check digit is wrong
     */
    public static String normalizeIssn(String issn) {
        String digits = issn.replaceAll("[\\s-]", "").toUpperCase();
        if (!digits.matches("\\d{7}[\\dX]")) {
            throw new IllegalArgumentException("'" + issn + "' is not an ISSN (8 characters)");
        }
        int sum = 0;
        for (int i = 0; i < 7; i++) {
            sum += (digits.charAt(i) - '0') * (8 - i);
        }
        int check = (11 - sum % 11) % 11;
        char expected = check == 10 ? 'X' : (char) ('0' + check);
        if (expected != digits.charAt(7)) {
            throw new IllegalArgumentException("ISSN " + issn + " has a wrong check digit");
        }
        return digits.substring(0, 4) + "-" + digits.substring(4);
    }

    /**
     * The ISBN-13 form of an ISBN someone gave, or null when none was given.
     *
     * @throws InvalidInputException naming the ISBN when it is not one
     */
    public static String isbnOf(String isbn) {
        try {
            return isbn == null || isbn.isBlank() ? null : normalizeIsbn(isbn);
        } catch (IllegalArgumentException invalid) {
            throw new InvalidInputException("ISBN", invalid.getMessage()).says("isbnInvalid", isbn);
        }
    }

    /**
     * The printed form of an ISSN someone gave, or null when none was given.
     *
     * @throws InvalidInputException naming the ISSN when it is not one
     */
    public static String issnOf(String issn) {
        try {
            return issn == null || issn.isBlank() ? null : normalizeIssn(issn);
        } catch (IllegalArgumentException invalid) {
            throw new InvalidInputException("ISSN", invalid.getMessage()).says("issnInvalid", issn);
        }
    }

    /** The check digit that completes the first twelve digits of an ISBN-13. */
    public static char isbn13CheckDigit(String twelveDigits) {
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            sum += (twelveDigits.charAt(i) - '0') * (i % 2 == 0 ? 1 : 3);
        }
        return (char) ('0' + (10 - sum % 10) % 10);
    }

    private static char isbn10CheckDigit(String nineDigits) {
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (nineDigits.charAt(i) - '0') * (10 - i);
        }
        int check = (11 - sum % 11) % 11;
        return check == 10 ? 'X' : (char) ('0' + check);
    }
}
