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
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a person sees when a request of a page fails: a broken rule as a message, an expired page or a failure in an
 * Ajax request as a dialog (never a page that silently stops answering), a failed full page request as the error
 * page.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AjaxErrorsBrowserIT {

    private static final String FAILING_PAGE = "test/failing-action.xhtml";

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.builtEarWithPages(List.of(FAILING_PAGE), FailingActionBacking.class);
    }

    private WebDriver browser;

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aRuleBrokenInAnAjaxRequestIsShownAsAMessage() {
        browser = Browser.open();
        browser.get(Deployments.APPLICATION.toString());

        browser.findElement(By.id("search:go")).click(); // nothing typed: CatalogueSearch refuses
        WebElement message = Browser.waitFor(browser).until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#ill-messages .ui-messages-error")));
        Browser.screenshot(browser, "ajax-rule-violation");

        String shown = message.getText();
        assertTrue(shown.contains("Type a few words of the title, an author, a subject, an ISBN or an ISSN"), shown);
        assertEquals(List.of(), Browser.policyViolations(Browser.console(browser)));
    }

    @Test
    void anAjaxRequestOnAnExpiredPageSaysSoAndTheReloadedPageWorks() {
        browser = Browser.open();
        browser.get(Deployments.APPLICATION.toString());
        assertNotNull(browser.manage().getCookieNamed("JSESSIONID"), "the home page opened no session");

        browser.manage().deleteCookieNamed("JSESSIONID"); // as if the session had timed out
        browser.findElement(By.id("search:query")).sendKeys("algorithms");
        browser.findElement(By.id("search:go")).click();
        WebElement dialog = Browser.waitFor(browser)
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("view-expired")));
        Browser.screenshot(browser, "ajax-view-expired");

        assertTrue(dialog.getText().contains("This page has expired"), dialog.getText());
        assertTrue(browser.findElements(By.cssSelector(".ill-hit-title")).isEmpty(), "a search ran on an expired page");
        assertEquals(List.of(), Browser.policyViolations(Browser.console(browser)));

        dialog.findElement(By.linkText("Load the page again")).click();
        Browser.waitFor(browser).until(ExpectedConditions.invisibilityOfElementLocated(By.id("view-expired")));
        browser.findElement(By.id("search:query")).sendKeys("algorithms");
        browser.findElement(By.id("search:go")).click();
        Browser.waitFor(browser)
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".ill-hit-title")));
    }

    @Test
    void anExceptionInAnAjaxActionShowsAMessageAndThePageKeepsAnswering() {
        browser = Browser.open();
        browser.get(Deployments.APPLICATION.resolve(FAILING_PAGE).toString());

        browser.findElement(By.id("failing:ajax")).click();
        WebElement dialog = Browser.waitFor(browser)
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("ajax-error")));
        Browser.screenshot(browser, "ajax-exception");
        assertTrue(dialog.getText().contains("What you asked could not be done"), dialog.getText());
        assertFalse(dialog.getText().contains("IllegalStateException") || dialog.getText().contains("on purpose"),
                "the dialog shows the exception itself: " + dialog.getText());
        assertEquals(List.of(), Browser.policyViolations(Browser.console(browser)));

        dialog.findElement(By.cssSelector(".ui-dialog-titlebar-close")).click();
        Browser.waitFor(browser).until(ExpectedConditions.invisibilityOfElementLocated(By.id("ajax-error")));
        browser.findElement(By.id("failing:ajax")).click();
        Browser.waitFor(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("ajax-error")));
    }

    @Test
    void anExceptionInAFullPageRequestShowsTheErrorPage() {
        browser = Browser.open();
        browser.get(Deployments.APPLICATION.resolve(FAILING_PAGE).toString());

        browser.findElement(By.id("failing:full-page")).click();
        Browser.waitFor(browser).until(ExpectedConditions.textToBe(By.tagName("h1"), "Something went wrong"));
        Browser.screenshot(browser, "full-page-exception");

        assertFalse(browser.getPageSource().contains("on purpose"), "the error page shows the exception itself");
    }
}
