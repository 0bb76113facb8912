package org.openill.domain;

/**
 * The one rule for every text the library system stores: what a reader, staff, a partner library or an import sends
 * is checked against the size of its column, with a message naming the field and its limit; what the system writes
 * itself (event messages, reasons, notification subjects) is cut to fit.
 *
 * <p>Sizes are counted as PostgreSQL counts {@code varchar(n)}: in characters (code points), so a character outside
 * the Basic Multilingual Plane counts once. Only the characters of XML 1.0 are accepted: PostgreSQL cannot store NUL,
 * and ISO 18626 messages to partners, which are XML, cannot carry other control characters, lone halves of a UTF-16
 * surrogate pair or U+FFFE/U+FFFF. Tab and line breaks are fine.
 */
public final class Text {

    private static final String ELLIPSIS = "…";

    private Text() {
    }

    /**
     * The value without leading and trailing white space.
     *
     * @throws InvalidInputException when it is blank, longer than {@code max} characters or holds a character that
     *                               cannot be stored
     */
    public static String required(String field, String value, int max) {
        String checked = optional(field, value, max);
        if (checked == null) {
            throw new InvalidInputException(field, capitalized(field) + " is required").says("required", field);
        }
        return checked;
    }

    /**
     * The value without leading and trailing white space, or null when it is null or blank.
     *
     * @throws InvalidInputException when it is longer than {@code max} characters or holds a character that cannot be
     *                               stored
     */
    public static String optional(String field, String value, int max) {
        if (value == null) {
            return null;
        }
        int bad = firstUnstorable(value);
        if (bad >= 0) {
            throw new InvalidInputException(field, capitalized(field) + " contains a character that cannot be stored ("
                    + describe(value, bad) + " at position " + (value.codePointCount(0, bad) + 1) + "); remove it")
                    .says("unstorable", field, value.codePointCount(0, bad) + 1);
        }
        String stripped = value.strip();
        if (stripped.isEmpty()) {
            return null;
        }
        int length = length(stripped);
        if (length > max) {
            throw new InvalidInputException(field, capitalized(field) + " is too long: at most " + max
                    + " characters, this one has " + length).says("tooLong", field, max, length);
        }
        return stripped;
    }

    /**
     * A text the system built, cut to at most {@code max} characters and ending with "…" when it was cut; a character
     * written with two UTF-16 units is never split.
     */
    public static String cut(String value, int max) {
        if (value == null || length(value) <= max) {
            return value;
        }
        int keep = value.offsetByCodePoints(0, max - 1);
        return value.substring(0, keep).stripTrailing() + ELLIPSIS;
    }

    /** The length as PostgreSQL counts it, in characters. */
    public static int length(String value) {
        return value.codePointCount(0, value.length());
    }

    /** The index of the first character that cannot be stored, or -1. */
    private static int firstUnstorable(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
                continue;
            }
            boolean xmlChar = c == '\t' || c == '\n' || c == '\r' || c >= 0x20 && c <= 0xFFFD && !Character.isSurrogate(c);
            if (!xmlChar) {
                return i;
            }
        }
        return -1;
    }

    private static String describe(String value, int index) {
        char c = value.charAt(index);
        String code = String.format("U+%04X", (int) c);
        if (c == 0) {
            return "the NUL character " + code;
        }
        if (Character.isSurrogate(c)) {
            return "an unpaired UTF-16 surrogate " + code;
        }
        return Character.isISOControl(c) ? "the control character " + code : "the non-character " + code;
    }

    private static String capitalized(String field) {
        return field.isEmpty() ? field : Character.toUpperCase(field.charAt(0)) + field.substring(1);
    }
}
