package org.openill.domain;

/**
 * Something asked of the ILL services cannot be done, for a reason the person asking can understand and act on. The
 * four kinds are kept apart so that a page can show the message and an API can answer without reading it:
 * {@link NotFoundException} (404), {@link IllRuleViolation} (422), {@link ConcurrentChangeException} (409),
 * {@link InvalidInputException} (400). Declared an application exception in ejb-jar.xml: each reaches the caller as
 * it is and rolls the transaction back, so nothing half-done is stored.
 */
public abstract class IllException extends RuntimeException {

    private Said said;

    protected IllException(String message) {
        super(message);
    }

    /**
     * What the message says, as a key and its values, for a page to say it in the reader's language (the web layer's
     * bundle has the texts, under {@code refusal.<key>}); the message itself stays the English text.
     */
    public record Said(String key, java.util.List<Object> values) implements java.io.Serializable {
    }

    /** Names what the message says (see {@link Said}); returns this exception, to be thrown. */
    public IllException says(String key, Object... values) {
        this.said = new Said(key, java.util.Arrays.asList(values));
        return this;
    }

    /** What the message says, for translation; null when only the English message says it. */
    public Said said() {
        return said;
    }
}
