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

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A reader opens the portal's home page in a real browser. */
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
        assertTrue((Boolean) ((org.openqa.selenium.JavascriptExecutor) browser)
                .executeScript("return typeof PrimeFaces !== 'undefined' && typeof jQuery !== 'undefined'"),
                "PrimeFaces scripts did not load");
        assertEquals(List.of(), Browser.consoleErrors(browser), "browser console errors");
    }
}
