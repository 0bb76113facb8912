package org.openill.it;

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

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The ILL offices' staff sign in to the back office with the demo accounts and see their own library's work; another
 * library's request is not found; readers and strangers are kept out.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class StaffBackOfficeBrowserIT {

    private static final String PASSWORD = "staff-demo";

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.builtEarWithPages(List.of(), ReaderDataServlet.class, Fixtures.class);
    }

    private WebDriver browser;

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aStaffMemberSignsInAndSeesTheirOwnLibrarysWork() {
        browser = Browser.open();
        browser.get(page("staff/index.xhtml"));
        assertTrue(browser.getCurrentUrl().endsWith("/staff/signin.xhtml"), browser.getCurrentUrl());

        signIn("nul-staff", PASSWORD);

        Browser.waitFor(browser).until(ExpectedConditions.urlContains("/staff/index.xhtml"));
        assertEquals("North University Library", text(By.id("staff-library")));
        assertTrue(text(By.tagName("main")).contains("Signed in as North ILL Office (ILL staff)."));
        Browser.screenshot(browser, "staff-home");
    }

    @Test
    void anotherLibrarysRequestIsNotFoundWhateverIdIsTyped() {
        String[] southReader = {"ZZ-SCL", "SCL-000001"};
        // a request of South's reader (through the test data: a loan from a new lender)
        long south = Long.parseLong(ReaderData.post(Map.of("action", "loan", "library", southReader[0],
                "card", southReader[1], "title", "South Only")));
        browser = Browser.open();
        browser.get(page("staff/signin.xhtml"));
        signIn("scl-staff", PASSWORD);
        Browser.waitFor(browser).until(ExpectedConditions.urlContains("/staff/index.xhtml"));
        browser.get(page("staff/request.xhtml?id=" + south));
        assertEquals("South Only", text(By.id("request-title")));

        browser.findElement(By.id("nav:sign-out")).click();
        Browser.waitFor(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("nav:sign-in")));
        browser.get(page("staff/signin.xhtml"));
        signIn("nul-staff", PASSWORD);
        Browser.waitFor(browser).until(ExpectedConditions.urlContains("/staff/index.xhtml"));
        browser.get(page("staff/request.xhtml?id=" + south));
        assertEquals("Page not found", text(By.tagName("h1")));
        assertTrue(browser.findElements(By.xpath("//*[contains(text(), 'South Only')]")).isEmpty());
    }

    @Test
    void aWrongPasswordIsRefusedAndReadersAndStrangersStayOutside() throws Exception {
        browser = Browser.open();
        browser.get(page("staff/signin.xhtml"));
        signIn("nul-staff", "not-the-password");
        assertEquals("Unknown user name or wrong password.", text(By.cssSelector(".ui-messages-error-summary")));

        HttpResponse<Void> stranger = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(page("staff/index.xhtml"))).build(), HttpResponse.BodyHandlers.discarding());
        assertEquals(302, stranger.statusCode(), "a stranger is sent to sign in");

        browser.get(page("signin.xhtml"));
        Browser.signIn(browser, "ZZ-NUL", "NUL-000003", "1234");
        browser.get(page("staff/index.xhtml"));
        assertTrue(!text(By.tagName("body")).contains("Borrowing: our readers' requests"), "a reader in the back office");
    }

    private void signIn(String username, String password) {
        browser.findElement(By.id("staff-signin:username")).sendKeys(username);
        browser.findElement(By.id("staff-signin:password")).sendKeys(password);
        browser.findElement(By.id("staff-signin:submit")).click();
        Browser.waitFor(browser).until(ExpectedConditions.or(ExpectedConditions.urlContains("/staff/index.xhtml"),
                ExpectedConditions.presenceOfElementLocated(By.cssSelector(".ui-messages-error-summary"))));
    }

    private String text(By locator) {
        return browser.findElement(locator).getText();
    }

    private static String page(String path) {
        return Deployments.APPLICATION.resolve(path).toString();
    }
}
