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
    void aLoanGoesFromNorthToSouthAndBackThroughTheStaffPages() {
        String[] made = ReaderData.post(Map.of("action", "demoLoan", "card", "NUL-000003", "title", "Through The Pages"))
                .split(" ");
        long id = Long.parseLong(made[0]);
        String barcode = made[1];
        browser = Browser.open();

        // North's office checks the application and sends it to South, the only holder
        signInAs("nul-staff");
        browser.get(page("staff/request.xhtml?id=" + id));
        click("actions:validate");
        click("actions:route");
        Browser.waitFor(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.id("state"),
                "REQUEST_RECEIVED"));
        assertEquals("ZZ-SCL", text(By.id("lender")));
        signOut();

        // South's office will supply it for a fee, which North's office accepts
        signInAs("scl-staff");
        browser.get(page("staff/lending.xhtml"));
        String row = "//span[@class='ill-lending-title' and text()='Through The Pages']/ancestor::tr";
        String record = lendingRecord(row);
        script("PF('condition" + record + "').selectValue('COST');");
        browser.findElement(By.xpath(row + "//input[contains(@id, 'cost_input')]")).sendKeys("2.50");
        browser.findElement(By.xpath(row + "//button[contains(@id, 'supply-on-condition')]")).click();
        Browser.waitFor(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.id("ill-messages"),
                "the condition"));
        signOut();
        signInAs("nul-staff");
        browser.get(page("staff/request.xhtml?id=" + id));
        assertTrue(text(By.id("state")).contains("CONDITIONS_PROPOSED"), text(By.id("state")));
        click("actions:accept-conditions");
        Browser.waitFor(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.id("ill-messages"),
                "accepted"));
        signOut();

        // South will supply and ships the copy
        signInAs("scl-staff");
        browser.get(page("staff/lending.xhtml"));
        browser.findElement(By.xpath(row + "//button[contains(@id, 'will-supply')]")).click();
        Browser.waitFor(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.id("ill-messages"),
                "we will supply"));
        script("PF('copy" + record + "').selectValue('" + barcode + "');");
        Browser.screenshot(browser, "staff-lending");
        browser.findElement(By.xpath(row + "//button[contains(@id, 'ship')]")).click();
        Browser.waitFor(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.id("ill-messages"),
                "shipped"));
        signOut();

        // North receives it (the reader is told), and later ships it back
        signInAs("nul-staff");
        browser.get(page("staff/request.xhtml?id=" + id));
        assertTrue(text(By.id("state")).contains("LOANED"), text(By.id("state")));
        click("actions:receive");
        Browser.waitFor(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.id("ill-messages"),
                "received"));
        String due = text(By.id("due"));
        click("actions:ask-renewal");
        Browser.waitFor(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.id("ill-messages"),
                "renewal is asked"));
        signOut();

        // South grants the renewal: North's record gets the later due date
        signInAs("scl-staff");
        browser.get(page("staff/lending.xhtml"));
        browser.findElement(By.xpath("//table//td[text()='Through The Pages']/ancestor::tr//button[contains(@id, 'approve-renewal')]"))
                .click();
        Browser.waitFor(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.id("ill-messages"),
                "renewed"));
        signOut();
        signInAs("nul-staff");
        browser.get(page("staff/request.xhtml?id=" + id));
        assertTrue(!text(By.id("due")).equals(due), "the due date stayed " + due);
        click("actions:ship-back");
        Browser.waitFor(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.id("state"),
                "SHIPPED_BACK"));
        Browser.screenshot(browser, "staff-request");
        signOut();

        // South checks it in: the loan is complete on both sides
        signInAs("scl-staff");
        browser.get(page("staff/lending.xhtml"));
        browser.findElement(By.xpath("//table//td[text()='Through The Pages']/ancestor::tr//button[contains(@id, 'check-in')]"))
                .click();
        Browser.waitFor(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.id("ill-messages"),
                "checked in"));
        signOut();
        signInAs("nul-staff");
        browser.get(page("staff/request.xhtml?id=" + id));
        assertTrue(text(By.id("state")).contains("LOAN_COMPLETED"), text(By.id("state")));
    }

    @Test
    void staffBlockTheirReaderWithAReasonTheReaderIsToldAndGiveANewPin() {
        browser = Browser.open();
        signInAs("ecl-staff");
        browser.get(page("staff/readers.xhtml"));
        browser.findElement(By.id("readers:words")).sendKeys("ECL-000007");
        browser.findElement(By.id("readers:find")).click();
        Browser.waitFor(browser).until(ExpectedConditions.elementToBeClickable(By.cssSelector(".ill-reader-card")))
                .click();
        Browser.waitFor(browser).until(ExpectedConditions.textToBe(By.id("readers:chosen-card"), "ECL-000007"));
        browser.findElement(By.id("readers:reason")).sendKeys("lost a book of a partner library");
        browser.findElement(By.id("readers:block")).click();
        Browser.waitFor(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.id("ill-messages"),
                "is blocked"));
        browser.findElement(By.id("readers:pin")).sendKeys("97531");
        browser.findElement(By.id("readers:reset-pin")).click();
        Browser.waitFor(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.id("ill-messages"),
                "has a new PIN"));
        Browser.screenshot(browser, "staff-readers");
        signOut();

        // the reader, with the new PIN, is told why the card is blocked; another library's reader is not found
        browser.get(page("signin.xhtml"));
        Browser.signIn(browser, "ZZ-ECL", "ECL-000007", "97531");
        assertEquals("Library card ECL-000007 is blocked: lost a book of a partner library. Please contact your "
                + "library.", text(By.cssSelector(".ui-messages-error-summary")));
        signInAs("ecl-admin");
        browser.get(page("staff/readers.xhtml"));
        browser.findElement(By.id("readers:words")).sendKeys("NUL-000001");
        browser.findElement(By.id("readers:find")).click();
        Browser.waitFor(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.id("readers:found"),
                "None."));
        browser.findElement(By.id("readers:words")).clear();
        browser.findElement(By.id("readers:words")).sendKeys("ECL-000007");
        browser.findElement(By.id("readers:find")).click();
        Browser.waitFor(browser).until(ExpectedConditions.elementToBeClickable(By.cssSelector(".ill-reader-card")))
                .click();
        Browser.waitFor(browser).until(ExpectedConditions.elementToBeClickable(By.id("readers:unblock"))).click();
        Browser.waitFor(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.id("ill-messages"),
                "is unblocked"));
    }

    private Object script(String javascript) {
        return ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(javascript);
    }

    private String lendingRecord(String rowXpath) {
        return browser.findElement(By.xpath(rowXpath + "/td[1]")).getText().replaceAll("\\D", "");
    }

    private void click(String id) {
        Browser.waitFor(browser).until(ExpectedConditions.elementToBeClickable(By.id(id))).click();
        Browser.waitFor(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("ill-messages")));
    }

    private void signInAs(String username) {
        browser.get(page("staff/signin.xhtml"));
        signIn(username, PASSWORD);
        Browser.waitFor(browser).until(ExpectedConditions.urlContains("/staff/index.xhtml"));
    }

    private void signOut() {
        browser.findElement(By.id("nav:sign-out")).click();
        Browser.waitFor(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("nav:sign-in")));
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
