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
        // the dashboard: queues tab by tab (each a link to its tab), today's work, and the 30 days' charts
        browser.findElement(By.id("count-BORROWING_NEW")).click();
        Browser.waitFor(browser).until(ExpectedConditions.urlContains("/staff/queue.xhtml"));
        assertTrue(browser.getCurrentUrl().contains("tab=NEW"), browser.getCurrentUrl());
        browser.navigate().back();
        Browser.waitFor(browser).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#borrowing-chart canvas")));
        assertTrue(text(By.id("fill-rate")).matches("\\d+ %|–"), text(By.id("fill-rate")));
        Browser.screenshot(browser, "staff-home");
    }

    @Test
    void aLoanGoesFromNorthToSouthAndBackThroughTheQueuesAndRequestPages() {
        String title = "Through The Pages";
        long id = Long.parseLong(ReaderData.post(Map.of("action", "demoLoan", "card", "NUL-000003", "title", title))
                .split(" ")[0]);
        browser = Browser.open();

        // North's office finds the new application in its queue, checks it, and sends it to South by hand
        signInAs("nul-staff");
        queue("borrowing", "NEW", title);
        select(title);
        bulk("bulk-validate", "1 validated: #" + id);
        browser.get(page("staff/request.xhtml?id=" + id));
        script("PF('lenderMenu').selectValue('ZZ-SCL');");
        click("actions:route-to");
        Browser.waitFor(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.id("state"),
                "REQUEST_RECEIVED"));
        assertEquals("ZZ-SCL", text(By.id("lender")));
        signOut();

        // South's office opens the partner's request from its lending queue and will supply it for a fee
        signInAs("scl-staff");
        queue("lending", "NEW", title);
        Browser.screenshot(browser, "staff-queue-lending");
        browser.findElement(By.linkText(title)).click();
        Browser.waitFor(browser).until(ExpectedConditions.urlContains("/staff/lending-record.xhtml"));
        String record = text(By.id("number"));
        script("PF('conditionMenu').selectValue('COST');");
        browser.findElement(By.id("actions:cost")).sendKeys("2.50");
        click("actions:supply-on-condition");
        Browser.waitFor(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.id("ill-messages"),
                "the condition"));
        signOut();

        // North accepts the condition
        signInAs("nul-staff");
        queue("borrowing", "CONDITIONS", title);
        browser.findElement(By.linkText(title)).click();
        Browser.waitFor(browser).until(ExpectedConditions.urlContains("/staff/request.xhtml"));
        click("actions:accept-conditions");
        Browser.waitFor(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.id("ill-messages"),
                "accepted"));
        signOut();

        // South answers will supply and ships it, both as bulk actions of its queue, printing the pick slip first
        signInAs("scl-staff");
        queue("lending", "NEW", title);
        select(title);
        bulk("bulk-will-supply", "1 answered will supply: #" + record);
        queue("lending", "TO_SHIP", title);
        select(title);
        browser.findElement(By.id("queue-form:pick-slips")).click();
        assertTrue(browser.findElements(By.cssSelector(".ui-messages-error")).isEmpty(), text(By.tagName("main")));
        bulk("bulk-ship", "1 shipped: #" + record);
        signOut();

        // North receives it from the in-transit tab, lends it to the reader and asks for a renewal
        signInAs("nul-staff");
        queue("borrowing", "IN_TRANSIT", title);
        select(title);
        bulk("bulk-receive", "1 received: #" + id);
        browser.get(page("staff/request.xhtml?id=" + id));
        click("actions:check-out");
        Browser.waitFor(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.id("with-reader"),
                "with the reader"));
        assertTrue(browser.findElements(By.id("actions:ship-back")).isEmpty(), "shipped back while the reader has it");
        String due = text(By.id("due"));
        click("actions:ask-renewal");
        Browser.waitFor(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.id("ill-messages"),
                "renewal is asked"));
        signOut();

        // South grants the renewal from its renewals tab
        signInAs("scl-staff");
        queue("lending", "RENEWAL_ASKED", title);
        browser.findElement(By.linkText(title)).click();
        Browser.waitFor(browser).until(ExpectedConditions.urlContains("/staff/lending-record.xhtml"));
        click("actions:approve-renewal");
        Browser.waitFor(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.id("ill-messages"),
                "renewed"));
        Browser.screenshot(browser, "staff-lending-record");
        signOut();

        // North takes the item back from the reader and ships it back
        signInAs("nul-staff");
        browser.get(page("staff/request.xhtml?id=" + id));
        assertTrue(!text(By.id("due")).equals(due), "the due date stayed " + due);
        click("actions:check-in-reader");
        Browser.waitFor(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.id("with-reader"),
                "back from the reader"));
        click("actions:ship-back");
        Browser.waitFor(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.id("state"),
                "SHIPPED_BACK"));
        signOut();

        // South checks it in from its returns tab: the loan is complete on both sides
        signInAs("scl-staff");
        queue("lending", "RETURNS_TO_RECEIVE", title);
        select(title);
        bulk("bulk-check-in", "1 checked in: #" + record);
        signOut();
        signInAs("nul-staff");
        browser.get(page("staff/request.xhtml?id=" + id));
        assertTrue(text(By.id("state")).contains("LOAN_COMPLETED"), text(By.id("state")));
        List<String> kinds = browser.findElements(By.cssSelector(".ill-message-line summary strong")).stream()
                .map(org.openqa.selenium.WebElement::getText).toList();
        assertTrue(kinds.containsAll(List.of("request", "supplyingAgencyMessage", "requestingAgencyMessage")),
                kinds.toString());
        String xml = browser.findElement(By.cssSelector(".ill-xml")).getAttribute("textContent");
        assertTrue(xml.startsWith("<") && xml.contains("\n  <"), "laid out XML: " + xml);
        Browser.screenshot(browser, "staff-request");

        // the request is among the done, and South's lending record is not North's to see
        queue("borrowing", "DONE", title);
        assertEquals(String.valueOf(id), text(By.cssSelector(".ill-queue-id")));
        browser.get(page("staff/lending-record.xhtml?id=" + record));
        assertEquals("Page not found", text(By.tagName("h1")));
        browser.get(page("staff/queue.xhtml?side=lending&tab=ALL"));
        browser.findElement(By.id("queue-filter:number")).sendKeys(record);
        org.openqa.selenium.WebElement unfiltered = browser.findElement(By.id("queue-form:queue"));
        browser.findElement(By.id("queue-filter:apply")).click();
        Browser.waitFor(browser).until(ExpectedConditions.stalenessOf(unfiltered)); // the answer, not the first table
        Browser.waitFor(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.id("queue-form:queue"),
                "None."));
    }

    /** Opens a tab of a queue narrowed to one title, and waits for its row. */
    private void queue(String side, String tab, String title) {
        browser.get(page("staff/queue.xhtml?side=" + side + "&tab=" + tab));
        browser.findElement(By.id("queue-filter:title")).sendKeys(title);
        org.openqa.selenium.WebElement before = browser.findElement(By.id("queue-form:queue"));
        browser.findElement(By.id("queue-filter:apply")).click();
        // the filtered table replaces the one shown first, which may already have held the title
        Browser.waitFor(browser).until(ExpectedConditions.stalenessOf(before));
        Browser.waitFor(browser).until(ExpectedConditions.visibilityOfElementLocated(By.linkText(title)));
    }

    private void select(String title) {
        browser.findElement(By.xpath("//a[contains(@class, 'ill-queue-title') and text()='" + title
                + "']/ancestor::tr//div[contains(@class, 'ui-chkbox-box')]")).click();
    }

    private void bulk(String button, String done) {
        browser.findElement(By.id("queue-form:" + button)).click();
        Browser.waitFor(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.id("ill-messages"), done));
    }

    @Test
    void aLibraryClosedForTheHolidaysIsPassedOverByTheRotaWithItsReason() {
        String title = "Closed For Inventory";
        long id = Long.parseLong(ReaderData.post(Map.of("action", "demoLoan", "card", "NUL-000004", "title", title))
                .split(" ")[0]);
        browser = Browser.open();
        try {
            // South's administrator closes South from today for a week
            signInAs("scl-admin");
            browser.get(page("staff/partners.xhtml"));
            browser.findElement(By.xpath("//strong[@class='ill-partner-name' and text()='South College Library']"
                    + "/ancestor::tr//button[contains(@id, 'edit')]")).click();
            Browser.waitFor(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("closures:reason")));
            String today = java.time.LocalDate.now().toString();
            String week = java.time.LocalDate.now().plusDays(7).toString();
            date("closures:first_input", today);
            date("closures:last_input", week);
            type("closures:reason", "stock-taking");
            closeDatePickers();
            browser.findElement(By.id("closures:close")).click();
            Browser.waitFor(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.id("ill-messages"),
                    "closed to requests"));
            assertTrue(text(By.id("directory:libraries")).contains("stock-taking"), text(By.id("directory:libraries")));
            Browser.screenshot(browser, "staff-partners");
            signOut();

            // North's request for South's book finds no lender open, and says why
            signInAs("nul-staff");
            browser.get(page("staff/request.xhtml?id=" + id));
            click("actions:validate");
            click("actions:route");
            Browser.waitFor(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.id("state"),
                    "UNFILLED"));
            assertTrue(text(By.tagName("main")).contains("ZZ-SCL is closed until " + week + " (stock-taking)"),
                    text(By.tagName("main")));

            // an ILL staff member (not an administrator) cannot close their library
            browser.get(page("staff/partners.xhtml"));
            assertTrue(browser.findElements(By.xpath("//button[contains(@id, 'edit')]")).isEmpty());
        } finally {
            ReaderData.post(Map.of("action", "reopen", "library", "ZZ-SCL"));
        }
    }

    @Test
    void anAdministratorDraftsAnAgreementPutsItInForceRenewsItAndSeesEveryVersion() {
        browser = Browser.open();
        signInAs("nul-admin");
        browser.get(page("staff/agreements.xhtml"));
        script("PF('partnerMenu').selectValue('ZZ-ECL');");
        date("draft:from_input", java.time.LocalDate.now().toString());
        date("draft:until_input", java.time.LocalDate.now().plusYears(1).toString());
        org.openqa.selenium.WebElement fee = browser.findElement(By.id("draft:fee-loan_input"));
        fee.click();
        fee.sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, "a"), "1.50",
                org.openqa.selenium.Keys.TAB);
        closeDatePickers();
        browser.findElement(By.id("draft:create")).click();
        Browser.waitFor(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.id("ill-messages"),
                "drafted"));
        String heading = text(By.id("chosen-heading"));
        String agreement = heading.replaceAll("^\\D*(\\d+).*$", "$1");
        assertTrue(heading.contains("ZZ-NUL ⇄ ZZ-ECL") && heading.contains("draft"), heading);

        browser.findElement(By.id("terms:activate")).click();
        Browser.waitFor(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.id("chosen-status"),
                "in force"));
        date("renew:until_input", java.time.LocalDate.now().plusYears(2).toString());
        closeDatePickers();
        browser.findElement(By.id("renew:renew-button")).click();
        Browser.waitFor(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.id("ill-messages"),
                "renewed"));
        browser.findElement(By.id("terms:suspend")).click();
        Browser.waitFor(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.id("chosen-status"),
                "suspended"));
        String versions = text(By.id("versions"));
        for (String step : List.of("drafted", "put in force", "renewed", "suspended")) {
            assertTrue(versions.contains(step), versions);
        }
        assertTrue(versions.contains("fees 1.5"), versions);
        Browser.screenshot(browser, "staff-agreements");
        signOut();

        // South's staff see none of North's agreement with East; North's staff read it but cannot change it
        signInAs("scl-staff");
        browser.get(page("staff/agreements.xhtml"));
        assertTrue(!text(By.id("list:agreements")).contains("ZZ-NUL ⇄ ZZ-ECL"), text(By.id("list:agreements")));
        signOut();
        signInAs("nul-staff");
        browser.get(page("staff/agreements.xhtml"));
        browser.findElement(By.xpath("//td[text()='" + agreement + "']/ancestor::tr//button")).click();
        Browser.waitFor(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("versions")));
        assertTrue(browser.findElements(By.id("terms:save")).isEmpty(), "an ILL staff member changes terms");
        assertTrue(browser.findElements(By.id("draft:create")).isEmpty(), "an ILL staff member drafts agreements");
    }

    /** Closes any date picker's calendar left open by typing a date, so that it hides no button. */
    private void closeDatePickers() {
        browser.findElement(By.tagName("h1")).click();
        Browser.waitFor(browser).until(ExpectedConditions.invisibilityOfElementLocated(
                By.cssSelector(".ui-datepicker-panel:not(.ui-helper-hidden), .ui-datepicker.ui-overlay-visible")));
    }

    /** The jobs page's executions once they show the text (refreshed every half second, at most half a minute). */
    private String executionsOnceThey(String show) {
        String executions = "";
        for (int i = 0; i < 60 && !executions.contains(show); i++) {
            browser.findElement(By.id("jobs:refresh")).click();
            try {
                Thread.sleep(500);
                executions = text(By.id("jobs:executions"));
            } catch (org.openqa.selenium.StaleElementReferenceException | InterruptedException rendering) {
                executions = "";
            }
        }
        return executions;
    }

    /** Sets a date picker's text as if typed, without its calendar popping up over the page. */
    private void date(String id, String day) {
        script("document.getElementById('" + id + "').value = '" + day + "';");
    }

    private void type(String id, String value) {
        browser.findElement(By.id(id)).sendKeys(value);
    }

    @Test
    void anAdministratorUploadsAMarcFileWithHoldingsAndItsWorksAreInTheCatalogue() throws Exception {
        java.nio.file.Path file = java.nio.file.Files.createTempFile("north-catalogue", ".xml");
        java.nio.file.Files.writeString(file, """
                <?xml version="1.0" encoding="UTF-8"?>
                <collection xmlns="http://www.loc.gov/MARC21/slim">
                  <record><leader>00000nam a2200000 a 4500</leader>
                    <controlfield tag="001">ITEST-852-1</controlfield>
                    <datafield tag="245" ind1="1" ind2="0"><subfield code="a">Tidal Dynamics of Upload Bay</subfield></datafield>
                    <datafield tag="852" ind1=" " ind2=" "><subfield code="b">MAIN</subfield><subfield code="c">OPEN</subfield>
                      <subfield code="h">GC301</subfield><subfield code="i">.T53</subfield><subfield code="p">NUL-UP-1</subfield></datafield>
                  </record>
                  <record><leader>00000nam a2200000 a 4500</leader>
                    <controlfield tag="001">ITEST-852-2</controlfield>
                    <datafield tag="245" ind1="1" ind2="0"><subfield code="a">Coral Atlas of Upload Bay</subfield></datafield>
                    <datafield tag="852" ind1=" " ind2=" "><subfield code="c">NOSUCH</subfield><subfield code="p">NUL-UP-2</subfield></datafield>
                  </record>
                  <record><leader>00000nam a2200000 a 4500</leader>
                    <controlfield tag="001">ITEST-852-3</controlfield>
                  </record>
                </collection>
                """);
        browser = Browser.open();
        signInAs("nul-staff");
        browser.get(page("staff/catalogue.xhtml"));
        assertTrue(browser.findElements(By.id("upload:file_input")).isEmpty(), "an ILL staff member imports");
        signOut();

        signInAs("nul-admin");
        browser.get(page("staff/catalogue.xhtml"));
        browser.findElement(By.id("upload:file_input")).sendKeys(file.toString());
        Browser.waitFor(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("created")));
        assertEquals("2", text(By.id("created")));
        assertEquals("1", text(By.id("holdings")));
        assertEquals("2", text(By.id("skipped-count")));
        String skipped = text(By.id("skipped"));
        assertTrue(skipped.contains("NUL-UP-2: ZZ-NUL has no collection \"NOSUCH\"") && skipped.contains("no title"),
                skipped);
        Browser.screenshot(browser, "staff-catalogue");

        // the work and North's copy are in the union catalogue that readers search
        browser.get(page("search.xhtml?q=" + java.net.URLEncoder.encode("Tidal Dynamics Upload Bay",
                java.nio.charset.StandardCharsets.UTF_8)));
        String results = text(By.tagName("main"));
        assertTrue(results.contains("Tidal Dynamics of Upload Bay") && results.contains("North University Library"),
                results);
    }

    @Test
    void aNetworkAdministratorRunsTheBatchJobsAndALibrarySeesItsSettlements() {
        ReaderData.post(Map.of("action", "feeToday", "title", "Lent For A Fee"));
        browser = Browser.open();
        browser.get(page("staff/signin.xhtml"));
        signIn("network-admin", PASSWORD);
        Browser.waitFor(browser).until(ExpectedConditions.urlContains("/staff/index.xhtml"));
        assertEquals("Network administration", text(By.id("network-admin")));
        browser.findElement(By.id("jobs-page")).click();
        Browser.waitFor(browser).until(ExpectedConditions.urlContains("/staff/jobs.xhtml"));
        browser.findElement(By.xpath("//button[contains(@id, 'start')]")).click();
        Browser.waitFor(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.id("ill-messages"),
                "loan-reconciliation started: execution"));
        String executions = executionsOnceThey("expire-agreements: COMPLETED");
        assertTrue(executions.contains("COMPLETED") && executions.contains("overdue: COMPLETED")
                && executions.contains("expire-agreements: COMPLETED"), executions);
        Browser.screenshot(browser, "staff-jobs");

        // the fees of today (the demo network's loans, this test class's loans) settled on demand
        String today = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
        date("jobs:from_input", today);
        date("jobs:until_input", today);
        browser.findElement(By.id("jobs:settle")).click();
        Browser.waitFor(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.id("ill-messages"),
                "fee-settlement started: execution"));
        String settled = executionsOnceThey("settle: COMPLETED");
        assertTrue(settled.contains("settle: COMPLETED"), settled);

        // this month's cooperation report of the network, compiled on demand and shown with its charts
        browser.get(page("staff/index.xhtml"));
        browser.findElement(By.id("reports-page-admin")).click();
        Browser.waitFor(browser).until(ExpectedConditions.urlContains("/staff/reports.xhtml"));
        date("compile:day_input", today);
        browser.findElement(By.id("compile:compile-report")).click();
        Browser.waitFor(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.id("ill-messages"),
                "The report is being compiled"));
        browser.get(page("staff/jobs.xhtml"));
        String compiled = executionsOnceThey("compile: COMPLETED");
        assertTrue(compiled.contains("cooperation-report") && compiled.contains("compile: COMPLETED"), compiled);
        browser.get(page("staff/reports.xhtml"));
        browser.findElement(By.xpath("//ul[@id='reports']//a[contains(., 'The network')]")).click();
        Browser.waitFor(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("report-heading")));
        String figures = text(By.tagName("main"));
        assertTrue(figures.contains("ZZ-NUL") && figures.contains("ZZ-SCL") && figures.contains("Most requested titles"),
                figures);
        assertEquals(4, browser.findElements(By.cssSelector(".ill-chart canvas")).size(),
                "four charts: lent and borrowed, fill rate, turnaround, time to ship");
        assertTrue(figures.contains("Turnaround (hours from the request to its receipt)"), figures);
        String reportAddress = browser.getCurrentUrl();
        Browser.screenshot(browser, "staff-reports-network");
        browser.get(page("staff/reports.xhtml?id=abc"));
        String wrong = text(By.tagName("main"));
        assertTrue(wrong.contains("Report number") && !wrong.contains("j_idt"), "a report number typed wrong: " + wrong);
        signOut();

        // North's staff read the network's report with only North's own figures and pairs
        signInAs("nul-staff");
        browser.get(reportAddress);
        Browser.waitFor(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("report-heading")));
        List<String> libraries = browser.findElements(By.cssSelector(".ill-report-library")).stream()
                .map(org.openqa.selenium.WebElement::getText).distinct().toList();
        assertEquals(List.of("ZZ-NUL"), libraries);
        assertTrue(browser.findElements(By.id("compile:compile-report")).isEmpty(), "staff compile no reports");
        Browser.screenshot(browser, "staff-reports-library");
        signOut();

        // North's administrator sees what North and its partners owe each other, with the fees, and confirms one paid
        signInAs("nul-admin");
        browser.get(page("staff/settlements.xhtml"));
        String statements = text(By.id("settlements:statements"));
        assertTrue(statements.contains("ZZ-NUL") && statements.contains("EUR"), statements);
        browser.findElement(By.xpath("//table//button[span[text()='Fees'] or text()='Fees']")).click();
        Browser.waitFor(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("fees")));
        assertTrue(text(By.id("fees")).contains("EUR") || text(By.id("fees")).matches("(?s).*\\d+\\.\\d\\d.*"),
                text(By.id("fees")));
        Browser.screenshot(browser, "staff-settlements");
        browser.findElement(By.xpath("//table//button[span[text()='Confirm paid'] or text()='Confirm paid']")).click();
        Browser.waitFor(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.id("ill-messages"),
                "is settled"));

        // the jobs are the network administrators': an ILL administrator is refused
        browser.get(page("staff/jobs.xhtml"));
        assertTrue(browser.findElements(By.xpath("//button[contains(@id, 'start')]")).isEmpty()
                || !text(By.tagName("body")).contains("loan-reconciliation"), text(By.tagName("body")));
    }

    @Test
    void staffBlockTheirReaderWithAReasonTheReaderIsToldAndGiveANewPin() {
        browser = Browser.open();
        signInAs("ecl-staff");
        browser.get(page("staff/readers.xhtml"));
        findReaders("ECL-000007");
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
        findReaders("NUL-000001");
        Browser.waitFor(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.id("readers:found"),
                "None."));
        findReaders("ECL-000007");
        Browser.waitFor(browser).until(ExpectedConditions.elementToBeClickable(By.cssSelector(".ill-reader-card")))
                .click();
        Browser.waitFor(browser).until(ExpectedConditions.elementToBeClickable(By.id("readers:unblock"))).click();
        Browser.waitFor(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.id("ill-messages"),
                "is unblocked"));
    }

    /**
     * Searches the readers page for the words and waits for its answer: the form is drawn again (its old elements go
     * stale), since what it shows before the answer (no reader found, say) may be what the test waits for after it.
     */
    private void findReaders(String words) {
        org.openqa.selenium.WebElement field = browser.findElement(By.id("readers:words"));
        field.clear();
        field.sendKeys(words);
        browser.findElement(By.id("readers:find")).click();
        Browser.waitFor(browser).until(ExpectedConditions.stalenessOf(field));
    }

    private Object script(String javascript) {
        return ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(javascript);
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
