package org.openill.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A reader opens the portal's home page in a real browser, which enforces the page's Content-Security-Policy. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class HomePageBrowserIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.builtEar();
    }

    private WebDriver browser;

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void homePageRendersPrimeFacesComponentsWithoutConsoleErrors() {
        browser = Browser.open();
        browser.get(Deployments.APPLICATION.toString());
        Browser.screenshot(browser, "home");

        assertTrue(browser.getTitle().contains("OpenILL"), browser.getTitle());
        WebElement table = browser.findElement(By.cssSelector("#libraries.ui-datatable"));
        assertTrue(table.isDisplayed());
        List<String> names = table.findElements(By.cssSelector("tbody tr .ill-library-name")).stream()
                .map(WebElement::getText).toList();
        assertTrue(names.containsAll(List.of("East City Library", "North University Library", "South College Library")),
                "libraries shown: " + names);
        assertEquals(3, browser.findElements(By.cssSelector(".ui-card")).size());
        String size = browser.findElement(By.cssSelector("#catalogue-size .ill-figure-number")).getText();
        assertTrue(Long.parseLong(size.replace(",", "")) >= 5_004, "catalogue size shown: " + size);
        assertTrue((Boolean) script("return typeof PrimeFaces !== 'undefined' && typeof jQuery !== 'undefined'"),
                "PrimeFaces scripts did not load");
        assertTrue((Boolean) script("return PrimeFaces.csp.NONCE_VALUE.length > 0"),
                "PrimeFaces does not run with its Content-Security-Policy nonce");
        assertQuietConsole("loading the page");
    }

    @Test
    void catalogueSearchAnswersByAjaxWhatTheLibrariesCanLend() {
        browser = Browser.open();
        browser.get(Deployments.APPLICATION.toString());
        script("window.illSamePage = true;");

        browser.findElement(By.id("search:query")).sendKeys("Introduction to Algorithms");
        browser.findElement(By.id("search:go")).click();
        WebElement hit = Browser.waitFor(browser).until(ExpectedConditions.visibilityOfElementLocated(
                By.xpath("//span[@class='ill-hit-title' and text()='Introduction to Algorithms']")));
        Browser.screenshot(browser, "home-search");

        assertEquals("1 record matches.", browser.findElement(By.cssSelector(".ill-result-count")).getText());
        // NUL lends it from its open shelves; SCL's copy is in a department reference room, never lent.
        String lenders = hit.findElement(By.xpath("ancestor::tr//span[@class='ill-hit-lenders']")).getText();
        assertTrue(lenders.contains("ZZ-NUL"), "lenders shown: " + lenders);
        assertFalse(lenders.contains("ZZ-SCL"), "lenders shown: " + lenders);
        assertEquals(Boolean.TRUE, script("return window.illSamePage === true;"),
                "the page was loaded again instead of answering by Ajax");
        assertQuietConsole("the search");
    }

    @Test
    void aScriptSomeoneSlipsIntoThePageDoesNotRun() {
        browser = Browser.open();
        browser.get(Deployments.APPLICATION.toString());

        // What an injected <script> would be: inline, without the page's nonce.
        script("var injected = document.createElement('script');"
                + "injected.textContent = 'window.illInjected = true;';"
                + "document.body.appendChild(injected);");

        assertNull(script("return window.illInjected;"), "an inline script without the nonce ran");
        List<String> violations = Browser.policyViolations(Browser.console(browser));
        assertEquals(1, violations.size(), "the browser did not report the refused script: " + violations);
        assertTrue(violations.get(0).contains("script-src"), violations.get(0));
    }

    /** Nothing in the browser console, above all nothing the Content-Security-Policy refused. */
    private void assertQuietConsole(String after) {
        List<LogEntry> console = Browser.console(browser);
        assertEquals(List.of(), Browser.policyViolations(console), "the policy refused part of " + after);
        assertEquals(List.of(), console.stream().map(LogEntry::getMessage).toList(), "browser console after " + after);
    }

    private Object script(String javascript) {
        return ((JavascriptExecutor) browser).executeScript(javascript);
    }
}
