package org.openill.web.common;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** The portal's texts in the language of the page (the bundle pages know as {@code msg}). */
public final class Texts {

    public static final String BUNDLE = "org.openill.web.i18n.messages";

    private Texts() {
    }

    /** The text of the key in the language of the current page, its {0}, {1} ... filled in. */
    public static String of(String key, Object... values) {
        return of(locale(), key, values);
    }

    public static String of(Locale locale, String key, Object... values) {
        String pattern;
        try {
            pattern = ResourceBundle.getBundle(BUNDLE, locale).getString(key);
        } catch (MissingResourceException missing) {
            return key;
        }
        return values.length == 0 ? pattern : new MessageFormat(pattern, locale).format(values);
    }

    /**
     * What a refusal of the services says, in the language: its own text from the bundle ({@code refusal.<key>}) when
     * it names one, with the names among its values (fields, states, steps, services, categories) said in the
     * language too; else its English message.
     */
    public static String refusal(org.openill.domain.IllException refused, Locale locale) {
        org.openill.domain.IllException.Said said = refused.said();
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, locale);
        if (said == null || !bundle.containsKey("refusal." + said.key())) {
            return refused.getMessage();
        }
        Object[] values = said.values().toArray();
        String[] kinds = switch (said.key()) {
            case "required", "unstorable", "tooLong" -> new String[]{"field."};
            case "notNow" -> new String[]{"action.", "state."};
            case "categoryMayNot" -> new String[]{"category.", "service."};
            default -> new String[0];
        };
        for (int i = 0; i < kinds.length && i < values.length; i++) {
            String key = kinds[i] + values[i];
            if (bundle.containsKey(key)) {
                values[i] = bundle.getString(key);
            }
        }
        return of(locale, "refusal." + said.key(), values);
    }

    /** What a refusal of the services says, in the language of the current page. */
    public static String refusal(org.openill.domain.IllException refused) {
        return refusal(refused, locale());
    }

    /** Adds a message for a field (client id) or the page (null), in the page's language. */
    public static void message(String clientId, FacesMessage.Severity severity, String key, Object... values) {
        FacesContext.getCurrentInstance().addMessage(clientId, new FacesMessage(severity, of(key, values), null));
    }

    /** Adds what a refusal of the services says, in the page's language, for a field (client id) or the page (null). */
    public static void refused(String clientId, org.openill.domain.IllException refused) {
        FacesContext.getCurrentInstance().addMessage(clientId,
                new FacesMessage(FacesMessage.SEVERITY_ERROR, refusal(refused), null));
    }

    /**
     * Does one step of a page: on success says so (the key's text with the values) and answers true; when the
     * services refuse it, shows why, in the page's language, and answers false.
     */
    public static boolean step(Runnable step, String doneKey, Object... values) {
        try {
            step.run();
        } catch (org.openill.domain.IllException refused) {
            refused(null, refused);
            return false;
        }
        message(null, FacesMessage.SEVERITY_INFO, doneKey, values);
        return true;
    }

    private static Locale locale() {
        FacesContext context = FacesContext.getCurrentInstance();
        return context == null || context.getViewRoot() == null ? Locale.ENGLISH : context.getViewRoot().getLocale();
    }
}
