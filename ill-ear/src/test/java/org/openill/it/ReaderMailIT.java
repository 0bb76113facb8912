package org.openill.it;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Readers are told by e-mail, in their language, through an SMTP server in this JVM (GreenMail, on the port the test
 * WildFly is configured to send to); a mail that cannot go out waits and goes once the server is there; and every
 * notification is in the reader's inbox in the portal.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ReaderMailIT {

    private static final String PIN = "2580";
    private static final int SMTP_PORT = 3025; // arquillian.xml: -Dill.smtp.port

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.builtEarWithPages(List.of(), ReaderDataServlet.class, Fixtures.class);
    }

    private GreenMail smtp;
    private WebDriver browser;

    @AfterEach
    void stop() {
        if (smtp != null) {
            smtp.stop();
        }
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aReaderIsToldByMailInTheirLanguageThatTheRequestWentToALender() throws Exception {
        String[] reader = data(Map.of("action", "reader", "pin", PIN)).split("/");
        data(Map.of("action", "language", "library", reader[0], "card", reader[1], "tag", "zh-CN"));
        long id = Long.parseLong(data(Map.of("action", "loan", "library", reader[0], "card", reader[1],
                "title", "Mail Test")));
        startSmtp();

        sendMail(id);

        MimeMessage mail = mailTo(reader[1].toLowerCase() + "@example.org");
        assertEquals("您申请的“Mail Test”已发出", mail.getSubject());
        assertTrue(String.valueOf(mail.getContent()).contains("已发送给Test Library"), String.valueOf(mail.getContent()));
        assertEquals("ill@openill.test", mail.getFrom()[0].toString());
        assertEquals(List.of("SENT_TO_LENDER 0 true"), outbox(id));
    }

    @Test
    void aMailThatCannotGoOutWaitsAndGoesOnceTheServerIsThere() throws Exception {
        String[] reader = data(Map.of("action", "reader", "pin", PIN)).split("/");
        long id = Long.parseLong(data(Map.of("action", "loan", "library", reader[0], "card", reader[1],
                "title", "Mail Later")));

        sendMail(id); // nothing listens on the SMTP port: the attempt fails, the mail waits
        List<String> waiting = outbox(id);
        assertEquals(1, waiting.size(), waiting.toString());
        assertTrue(waiting.get(0).matches("SENT_TO_LENDER [1-9]\\d* false"), waiting.toString());

        startSmtp();
        assertEquals("1", sendMail(id), "sent now that the server is there; the outbox: " + outbox(id));

        MimeMessage mail = mailTo(reader[1].toLowerCase() + "@example.org");
        assertEquals("Your request for \"Mail Later\" is on its way", mail.getSubject());
        assertTrue(outbox(id).get(0).endsWith(" true"), outbox(id).toString());
    }

    @Test
    void everyNotificationIsInTheReadersInboxInThePortal() {
        String[] reader = data(Map.of("action", "reader", "pin", PIN)).split("/");
        data(Map.of("action", "loan", "library", reader[0], "card", reader[1], "title", "Inbox Test"));
        browser = Browser.open();
        browser.get(Deployments.APPLICATION.resolve("signin.xhtml").toString());
        Browser.signIn(browser, reader[0], reader[1], PIN);
        Browser.waitFor(browser).until(ExpectedConditions.urlContains("/my/requests.xhtml"));

        browser.findElement(By.id("nav:inbox")).click();

        Browser.waitFor(browser).until(ExpectedConditions.urlContains("/my/inbox.xhtml"));
        String inbox = browser.findElement(By.id("inbox")).getText();
        assertTrue(inbox.contains("Your request for \"Inbox Test\" is on its way"), inbox);
        assertTrue(inbox.contains("has been sent to Test Library"), inbox);
        Browser.screenshot(browser, "reader-inbox");
    }

    private void startSmtp() {
        smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
    }

    /** Sends the mail of the request's notifications, as the server's own schedule does every 30 s. */
    private static String sendMail(long requestId) {
        return data(Map.of("action", "mail", "request", String.valueOf(requestId)));
    }

    /** The mail to the address, once it has come (within 10 s); others may come too, for other tests' readers. */
    private MimeMessage mailTo(String address) throws Exception {
        long until = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < until) {
            for (MimeMessage message : smtp.getReceivedMessages()) {
                if (message.getAllRecipients()[0].toString().contains(address)) {
                    return message;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no mail to " + address + " among " + smtp.getReceivedMessages().length);
    }

    private static List<String> outbox(long requestId) {
        return List.of(data(Map.of("action", "outbox", "request", String.valueOf(requestId))).split("\n"));
    }

    private static String data(Map<String, String> parameters) {
        return ReaderData.post(parameters);
    }
}
