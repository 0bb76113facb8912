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

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A reader searches the union catalogue of the demo network in a real browser: Chinese as typed, facets that narrow
 * the matches, pages served one at a time, and what their own library has on its shelves.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CatalogueSearchBrowserIT {

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
    void theChineseTitleIsFoundAsReadersTypeItWholeOrInPart() {
        browser = Browser.open();
        for (String typed : List.of("红楼梦", "红楼")) {
            browser.get(search(typed));
            List<String> titles = titles();
            assertEquals(List.of("Dream of the Red Chamber"), titles, "searching " + typed);
            assertTrue(browser.findElement(By.cssSelector(".ill-hit-original")).getText().contains("红楼梦"));
        }
        Browser.screenshot(browser, "search-chinese");
    }

    @Test
    void facetsNarrowTheMatchesAndAChosenOneIsUndoneWithAClick() {
        browser = Browser.open();
        browser.get(search("chemistry"));
        String all = report();
        WebElement south = browser.findElement(By.xpath("//ul[@id='library-values']//a[text()='South College Library']"));
        String southCount = south.findElement(By.xpath("following-sibling::span")).getText();

        south.click();

        Browser.waitFor(browser).until(ExpectedConditions.urlContains("library=ZZ-SCL"));
        assertTrue(report().endsWith("/ " + southCount), report() + " after choosing South, which counted " + southCount);
        assertNotEquals(all, report());
        Browser.screenshot(browser, "search-facets");
        browser.findElement(By.xpath("//ul[@id='library-values']//a[contains(@class, 'ill-chosen')]")).click();
        Browser.waitFor(browser).until(ExpectedConditions.not(ExpectedConditions.urlContains("library=ZZ-SCL")));
        assertEquals(all, report());
    }

    @Test
    void aReferenceRoomCopyIsShownAsNotLentAndItsLibraryIsNotOfferedAsLender() {
        browser = Browser.open();
        browser.get(search("Introduction to Algorithms"));

        WebElement row = browser.findElement(By.xpath(
                "//span[@class='ill-hit-title' and text()='Introduction to Algorithms']/ancestor::tr"));
        // North lends it from its open shelves; South's copy stands in a department reference room
        assertEquals("North University Library", row.findElement(By.cssSelector(".ill-hit-lenders")).getText());
        assertEquals("Not lent from the reference room of: South College Library",
                row.findElement(By.cssSelector(".ill-reference-rooms")).getText());
    }

    @Test
    void theNextPageIsAskedOfTheServerWithoutLoadingThePageAgain() {
        browser = Browser.open();
        browser.get(search("chemistry"));
        List<String> first = titles();
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("window.illSamePage = true;");

        browser.findElement(By.cssSelector(".ui-paginator-next")).click();

        Browser.waitFor(browser).until(ExpectedConditions.textMatches(By.cssSelector(".ui-paginator-current"),
                java.util.regex.Pattern.compile("^21–.*")));
        assertNotEquals(first, titles());
        assertEquals(Boolean.TRUE, ((org.openqa.selenium.JavascriptExecutor) browser)
                .executeScript("return window.illSamePage === true;"));
    }

    @Test
    void whatTheReadersOwnLibraryHasOnItsShelvesIsSaidAndNotOfferedThroughIll() {
        browser = Browser.open();
        browser.get(Deployments.APPLICATION.resolve("signin.xhtml").toString());
        Browser.signIn(browser, "ZZ-NUL", "NUL-000002", "1234");
        browser.get(search("Introduction to Algorithms"));

        WebElement row = browser.findElement(By.xpath("//span[@class='ill-hit-title' and text()='Introduction to Algorithms']/ancestor::tr"));
        assertEquals("On the shelf at your library", row.findElement(By.cssSelector(".ill-at-home")).getText());
        assertTrue(row.findElements(By.cssSelector(".ill-apply-link")).isEmpty(), "ILL offered for a book at home");
        Browser.screenshot(browser, "search-at-home");
    }

    private List<String> titles() {
        return browser.findElements(By.cssSelector("#matches .ill-hit-title")).stream().map(WebElement::getText).toList();
    }

    private String report() {
        return browser.findElement(By.cssSelector(".ui-paginator-current")).getText();
    }

    private static String search(String words) {
        return Deployments.APPLICATION.resolve("search.xhtml?q=" + URLEncoder.encode(words, StandardCharsets.UTF_8))
                .toString();
    }
}
