package org.openill.application.mail;

/**
 * Whether an SMTP server is configured for readers' mail: system property {@code ill.smtp.host}, else the environment
 * variable {@code ILL_SMTP_HOST} (the same settings server-config gives the mail session {@code java:jboss/mail/ill}).
 */
public final class MailSettings {

    private MailSettings() {
    }

    public static boolean configured() {
        String host = System.getProperty("ill.smtp.host", System.getenv("ILL_SMTP_HOST"));
        return host != null && !host.isBlank();
    }
}
