package org.openill.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A reader uses the portal in a real browser: signs in with the library card and PIN (from a page that needs it, and
 * back there), follows a request and its timeline, cancels it, signs out; a blocked or expired card is refused with
 * the reason, wrong PINs lock the card, another reader's request is not found, and the language switch works.
 * Screenshots of the pages go to target/screenshots.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ReaderPortalBrowserIT {

    private static final String PIN = "2580";
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

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
    void aReaderSignsInFromTheirRequestsPageFollowsARequestAndCancelsIt() {
        Card card = newReader();
        long id = loan(card, "Portal Loan Test");
        browser = Browser.open();
        browser.get(page("my/requests.xhtml"));
        assertTrue(browser.getCurrentUrl().endsWith("/signin.xhtml"), "sent to sign in: " + browser.getCurrentUrl());
        String before = sessionId();
        Browser.screenshot(browser, "reader-signin");

        signIn(card, PIN);

        Browser.waitFor(browser).until(ExpectedConditions.urlContains("/my/requests.xhtml"));
        assertNotEquals(before, sessionId(), "the session id was not renewed at sign-in");
        assertTrue(text(By.id("nav:who")).contains("Test Reader " + card.number()), text(By.id("nav:who")));
        WebElement title = browser.findElement(By.linkText("Portal Loan Test"));
        String state = title.findElement(By.xpath("ancestor::tr//span[contains(@class, 'ill-request-state')]")).getText();
        assertEquals("Sent to a lending library", state);
        Browser.screenshot(browser, "reader-my-requests");

        title.click();
        Browser.waitFor(browser).until(ExpectedConditions.urlContains("/my/request.xhtml?id=" + id));
        assertEquals("Portal Loan Test", text(By.id("request-title")));
        String timeline = text(By.id("timeline"));
        assertTrue(timeline.contains("Application sent by you → Received by your library"), timeline);
        assertTrue(timeline.contains("Your library checked the request → Checked by your library"), timeline);
        assertTrue(timeline.contains("Sent to a lending library"), timeline);
        assertNotEquals(card.library(), text(By.id("handled-by")));
        Browser.screenshot(browser, "reader-my-request");

        browser.findElement(By.id("actions:reason")).sendKeys("found it in a bookshop");
        browser.findElement(By.id("actions:cancel")).click();
        Browser.waitFor(browser).until(ExpectedConditions.elementToBeClickable(By.cssSelector(".ui-confirmdialog-yes")))
                .click();
        // the lending library, which has not shipped yet, agrees at once
        Browser.waitFor(browser).until(ExpectedConditions.textToBe(By.id("state"), "Cancelled"));
        assertTrue(text(By.id("ill-messages")).contains("cancellation is asked"), text(By.id("ill-messages")));
        assertTrue(text(By.id("timeline")).contains("A cancellation was asked for by you"), text(By.id("timeline")));
        assertTrue(text(By.id("timeline")).contains("The cancellation was accepted"), text(By.id("timeline")));
        Browser.screenshot(browser, "reader-my-request-cancelled");
        assertTrue(browser.findElements(By.id("actions:cancel")).isEmpty(), "cancel offered twice");
    }

    @Test
    void aDemoReaderSignsInWithThePublishedPin() {
        browser = Browser.open();
        browser.get(page("signin.xhtml"));
        assertTrue(text(By.tagName("main")).contains("PIN 1234"), "the demo PIN is not shown with the demo data");

        signIn(new Card("ZZ-NUL", "NUL-000001"), "1234");

        Browser.waitFor(browser).until(ExpectedConditions.urlContains("/my/requests.xhtml"));
        assertEquals("Signed in: Alice Reader, North University Library", text(By.id("nav:who")));
    }

    @Test
    void anotherReadersRequestIsNotFoundWhateverIdIsTyped() throws Exception {
        Card someoneElse = newReader();
        long theirs = loan(someoneElse, "Someone Else's Book");
        Card me = newReader();
        browser = Browser.open();
        browser.get(page("signin.xhtml"));
        signIn(me, PIN);
        Browser.waitFor(browser).until(ExpectedConditions.urlContains("/my/requests.xhtml"));

        browser.get(page("my/request.xhtml?id=" + theirs));
        assertEquals("Page not found", text(By.tagName("h1")));
        assertTrue(browser.findElements(By.xpath("//*[contains(text(), \"Someone Else's Book\")]")).isEmpty());
        assertEquals(404, statusWithSession("my/request.xhtml?id=" + theirs));
        assertEquals(404, statusWithSession("my/request.xhtml?id=not-a-number"));
    }

    @Test
    void signingOutEndsTheSession() throws Exception {
        Card card = newReader();
        browser = Browser.open();
        browser.get(page("signin.xhtml"));
        signIn(card, PIN);
        Browser.waitFor(browser).until(ExpectedConditions.urlContains("/my/requests.xhtml"));
        String signedIn = sessionId();
        assertEquals(200, statusWithSession("my/requests.xhtml"));

        browser.findElement(By.id("nav:sign-out")).click();

        Browser.waitFor(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("nav:sign-in")));
        HttpResponse<String> withOldSession = HTTP.send(HttpRequest.newBuilder(URI.create(page("my/requests.xhtml")))
                .header("Cookie", "JSESSIONID=" + signedIn).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(302, withOldSession.statusCode(), "the old session still opens the reader's pages");
        assertTrue(withOldSession.headers().firstValue("Location").orElse("").endsWith("/signin.xhtml"));
    }

    @Test
    void aBlockedCardIsRefusedWithTheReasonAndAnExpiredOneWithItsDates() {
        Card blocked = newReader();
        data(Map.of("action", "block", "library", blocked.library(), "card", blocked.number(),
                "reason", "replacement fee unpaid"));
        Card expired = newReader();
        data(Map.of("action", "expire", "library", expired.library(), "card", expired.number()));
        browser = Browser.open();

        browser.get(page("signin.xhtml"));
        signIn(blocked, PIN);
        assertEquals("Library card " + blocked.number() + " is blocked: replacement fee unpaid. Please contact your "
                + "library.", errorMessage());
        Browser.screenshot(browser, "reader-signin-blocked");

        browser.get(page("signin.xhtml"));
        signIn(expired, PIN);
        assertTrue(errorMessage().startsWith("Library card " + expired.number() + " is not valid on "), errorMessage());
        browser.get(page("my/requests.xhtml"));
        assertTrue(browser.getCurrentUrl().endsWith("/signin.xhtml"), "signed in after all: " + browser.getCurrentUrl());
    }

    @Test
    void fiveWrongPinsInARowLockTheCardEvenAgainstTheRightPin() {
        Card card = newReader();
        browser = Browser.open();
        for (int attempt = 1; attempt <= 4; attempt++) {
            browser.get(page("signin.xhtml"));
            signIn(card, "0000");
            assertEquals("Unknown library card number or wrong PIN.", errorMessage());
        }
        browser.get(page("signin.xhtml"));
        signIn(card, "0000");
        assertTrue(errorMessage().contains("this card cannot sign in until"), errorMessage());

        browser.get(page("signin.xhtml"));
        signIn(card, PIN);
        assertTrue(errorMessage().startsWith("After too many wrong PINs this card cannot sign in until"),
                errorMessage());
    }

    @Test
    void theLanguageSwitchShowsThePagesInChineseAndIsRemembered() {
        Card card = newReader();
        loan(card, "Portal Language Test");
        browser = Browser.open();
        browser.get(page("signin.xhtml"));

        browser.findElement(By.id("nav:lang-zh")).click();

        Browser.waitFor(browser).until(ExpectedConditions.textToBe(By.tagName("h1"), "使用借书证登录"));
        assertEquals("zh-CN", browser.findElement(By.tagName("html")).getAttribute("lang"));
        Browser.screenshot(browser, "reader-signin-zh");
        signIn(card, PIN);
        Browser.waitFor(browser).until(ExpectedConditions.urlContains("/my/requests.xhtml"));
        assertEquals("我的馆际互借请求", text(By.tagName("h1")));
        String state = browser.findElement(By.linkText("Portal Language Test"))
                .findElement(By.xpath("ancestor::tr//span[contains(@class, 'ill-request-state')]")).getText();
        assertEquals("已发送给出借馆", state);
        Browser.screenshot(browser, "reader-my-requests-zh");

        browser.manage().deleteCookieNamed("JSESSIONID"); // a new session: the language comes from its cookie
        browser.get(page("signin.xhtml"));
        assertEquals("使用借书证登录", text(By.tagName("h1")));
        browser.findElement(By.id("nav:lang-en")).click();
        Browser.waitFor(browser).until(ExpectedConditions.textToBe(By.tagName("h1"), "Sign in with your library card"));
    }

    @Test
    void aReaderAppliesForALoanOfACatalogueRecordFilledInForThem() {
        Card card = newReader();
        String record = data(Map.of("action", "book", "library", card.library()));
        browser = Browser.open();
        browser.get(page("my/apply.xhtml?record=" + record));
        signIn(card, PIN); // the form asks for sign-in first, then opens
        Browser.waitFor(browser).until(ExpectedConditions.urlContains("/my/apply.xhtml?record=" + record));

        assertEquals("Test Reader " + card.number(), text(By.id("reader-name")));
        WebElement title = browser.findElement(By.id("apply:title"));
        assertTrue(title.getAttribute("value").startsWith("Test Book"), title.getAttribute("value"));
        assertEquals("true", title.getAttribute("readonly"));
        browser.findElement(By.id("apply:neededBefore_input")).sendKeys(java.time.LocalDate.now().plusMonths(2).toString());
        browser.findElement(By.id("apply:note")).sendKeys("For my thesis, chapter 3.");
        Browser.screenshot(browser, "reader-apply-loan");
        browser.findElement(By.id("apply:submit")).click();

        Browser.waitFor(browser).until(ExpectedConditions.urlContains("/my/request.xhtml?id="));
        assertTrue(text(By.id("ill-messages")).contains("Your application is sent"), text(By.id("ill-messages")));
        assertEquals("Received by your library", text(By.id("state")));
        assertEquals("Loan of the item", text(By.xpath("//dt[text()='Service']/following-sibling::dd[1]")));

        // then in My requests, with its timeline, and cancelled before the ILL office did anything with it
        browser.findElement(By.id("nav:my-requests")).click();
        Browser.waitFor(browser).until(ExpectedConditions.urlContains("/my/requests.xhtml"));
        WebElement applied = browser.findElement(By.cssSelector("#open .ill-request-title"));
        assertTrue(applied.getText().startsWith("Test Book"), applied.getText());
        applied.click();
        Browser.waitFor(browser).until(ExpectedConditions.urlContains("/my/request.xhtml?id="));
        assertTrue(text(By.id("timeline")).contains("Application sent by you → Received by your library"));
        browser.findElement(By.id("actions:cancel")).click();
        Browser.waitFor(browser).until(ExpectedConditions.elementToBeClickable(By.cssSelector(".ui-confirmdialog-yes")))
                .click();
        Browser.waitFor(browser).until(ExpectedConditions.textToBe(By.id("state"), "Cancelled"));
        browser.get(page("my/requests.xhtml"));
        assertTrue(text(By.id("past")).contains("Test Book"), text(By.id("past")));
    }

    @Test
    void aReaderWithTheItemOnLoanAsksForARenewal() {
        Card card = newReader();
        long id = Long.parseLong(data(Map.of("action", "loan", "library", card.library(), "card", card.number(),
                "title", "Long Read", "shipped", "true")));
        browser = Browser.open();
        browser.get(page("signin.xhtml"));
        signIn(card, PIN);
        browser.get(page("my/request.xhtml?id=" + id));
        assertEquals("On loan to you", text(By.id("state")));
        assertTrue(browser.findElements(By.id("due")).size() == 1, "no due date shown");

        browser.findElement(By.id("actions:renew")).click();

        Browser.waitFor(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.id("ill-messages"),
                "Your renewal request is sent to the lending library"));
        assertTrue(text(By.tagName("main")).contains("You asked for a renewal; the lending library has not answered yet."));
        assertTrue(browser.findElements(By.id("actions:renew")).isEmpty(), "a renewal offered twice");
    }

    @Test
    void aReaderAcceptsTheConditionTheLenderSet() {
        Card card = newReader();
        long id = Long.parseLong(data(Map.of("action", "loan", "library", card.library(), "card", card.number(),
                "title", "Rare Binding", "conditions", "true")));
        browser = Browser.open();
        browser.get(page("signin.xhtml"));
        signIn(card, PIN);
        Browser.waitFor(browser).until(ExpectedConditions.urlContains("/my/requests.xhtml"));
        WebElement row = browser.findElement(By.linkText("Rare Binding")).findElement(By.xpath("ancestor::tr"));
        assertEquals("Your answer is needed", row.findElement(By.cssSelector(".ill-answer-needed")).getText());

        browser.get(page("my/request.xhtml?id=" + id));
        assertEquals("The lending library set conditions: your answer is needed", text(By.id("state")));
        assertTrue(text(By.id("actions:conditions")).contains("Use in the library only"), text(By.id("actions:conditions")));
        Browser.screenshot(browser, "reader-conditions");
        browser.findElement(By.id("actions:accept")).click();

        Browser.waitFor(browser).until(ExpectedConditions.not(ExpectedConditions.textToBe(By.id("state"),
                "The lending library set conditions: your answer is needed")));
        assertTrue(text(By.id("timeline")).contains("Conditions accepted by you"), text(By.id("timeline")));
        assertTrue(browser.findElements(By.id("actions:accept")).isEmpty(), "the conditions are asked again");
    }

    @Test
    void aCopyNeedsTheArticleItsPagesAndTheCopyrightDeclaration() {
        Card card = newReader();
        String record = data(Map.of("action", "book", "library", card.library()));
        browser = Browser.open();
        browser.get(page("signin.xhtml"));
        signIn(card, PIN);
        browser.get(page("my/apply.xhtml?record=" + record));
        browser.findElement(By.id("apply:note")).sendKeys("kept while switching");

        browser.findElement(By.cssSelector("label[for='apply:service:1']")).click();
        Browser.waitFor(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("apply:partTitle")));
        assertEquals("kept while switching", browser.findElement(By.id("apply:note")).getAttribute("value"));
        browser.findElement(By.id("apply:submit")).click();
        Browser.waitFor(browser).until(ExpectedConditions.textToBe(By.id("apply:partTitle-message"),
                "Please give the title of the article or chapter."));

        browser.findElement(By.id("apply:partTitle")).sendKeys("Chapter 7: Sorting");
        browser.findElement(By.id("apply:pages")).sendKeys("101-130");
        browser.findElement(By.id("apply:submit")).click();
        Browser.waitFor(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.id("ill-messages"),
                "declare that it is for your private study or research"));
        Browser.screenshot(browser, "reader-apply-copy-refused");

        browser.findElement(By.cssSelector("[id='apply:copyright'] .ui-chkbox-box")).click();
        browser.findElement(By.id("apply:submit")).click();
        Browser.waitFor(browser).until(ExpectedConditions.urlContains("/my/request.xhtml?id="));
        assertEquals("Copy of an article or chapter", text(By.xpath("//dt[text()='Service']/following-sibling::dd[1]")));
        assertTrue(text(By.tagName("main")).contains("Chapter 7: Sorting"));
    }

    @Test
    void anItemNotInTheCatalogueIsDescribedByTheReader() {
        Card card = newReader();
        browser = Browser.open();
        browser.get(page("signin.xhtml"));
        signIn(card, PIN);
        browser.get(page("my/apply.xhtml"));

        browser.findElement(By.id("apply:title")).sendKeys("A Pamphlet Nobody Catalogued");
        browser.findElement(By.id("apply:submit")).click();
        Browser.waitFor(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.id("ill-messages"),
                "Give an ISBN, an ISSN or the author"));
        assertEquals("A Pamphlet Nobody Catalogued", browser.findElement(By.id("apply:title")).getAttribute("value"));
        browser.findElement(By.id("apply:isbn")).sendKeys("978-0-00-000000-1");
        browser.findElement(By.id("apply:submit")).click();
        Browser.waitFor(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.id("apply:isbn-message"),
                "ISBN"));
        browser.findElement(By.id("apply:isbn")).clear();
        browser.findElement(By.id("apply:authors")).sendKeys("Nobody, Anne");
        browser.findElement(By.id("apply:submit")).click();

        Browser.waitFor(browser).until(ExpectedConditions.urlContains("/my/request.xhtml?id="));
        assertEquals("A Pamphlet Nobody Catalogued", text(By.id("request-title")));
    }

    @Test
    void whatTheReadersOwnLibraryHasOnItsShelvesIsNotOfferedThroughInterlibraryLoan() {
        Card card = newReader();
        String record = data(Map.of("action", "book", "library", card.library(), "home", "true"));
        browser = Browser.open();
        browser.get(page("signin.xhtml"));
        signIn(card, PIN);
        browser.get(page("my/apply.xhtml?record=" + record));

        assertTrue(text(By.id("apply:own-library")).contains("Your own library has it"), text(By.id("apply:own-library")));
        assertTrue(!browser.findElement(By.id("apply:submit")).isEnabled(), "ILL offered for a book on the home shelves");
    }

    @Test
    void anOpenUrlLinkOpensTheApplicationFormFilledInAfterSignIn() {
        Card card = newReader();
        browser = Browser.open();
        browser.get(page("openurl?url_ver=Z39.88-2004&rft_val_fmt=info%3Aofi%2Ffmt%3Akev%3Amtx%3Ajournal"
                + "&rft.genre=article&rft.atitle=Molecular+structure+of+nucleic+acids&rft.jtitle=Nature"
                + "&rft.issn=0028-0836&rft.volume=171&rft.issue=4356&rft.spage=737&rft.epage=738&rft.date=1953"
                + "&rft.au=Watson%2C+J.+D."));
        assertTrue(browser.getCurrentUrl().endsWith("/signin.xhtml"), "sent to sign in: " + browser.getCurrentUrl());
        signIn(card, PIN);

        Browser.waitFor(browser).until(ExpectedConditions.urlContains("/my/apply.xhtml?citation="));
        // Nature is in the union catalogue (ISSN 0028-0836): the record's data, the article's from the link
        assertEquals("Nature", browser.findElement(By.id("apply:title")).getAttribute("value"));
        assertEquals("true", browser.findElement(By.id("apply:title")).getAttribute("readonly"));
        assertTrue(browser.findElement(By.id("apply:service:1")).isSelected(), "a copy of the article is asked for");
        assertEquals("Molecular structure of nucleic acids",
                browser.findElement(By.id("apply:partTitle")).getAttribute("value"));
        assertEquals("Watson, J. D.", browser.findElement(By.id("apply:partAuthor")).getAttribute("value"));
        assertEquals("171", browser.findElement(By.id("apply:volume")).getAttribute("value"));
        assertEquals("737-738", browser.findElement(By.id("apply:pages")).getAttribute("value"));
        Browser.screenshot(browser, "reader-apply-openurl");
    }

    @Test
    void thePagesFitAPhoneWidthScreenWithoutScrollingSideways() {
        Card card = newReader();
        loan(card, "Phone Width Test");
        browser = Browser.open();
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        browser.get(page("signin.xhtml"));
        assertFitsTheScreen("signin");
        signIn(card, PIN);
        Browser.waitFor(browser).until(ExpectedConditions.urlContains("/my/requests.xhtml"));
        assertFitsTheScreen("my-requests");
        browser.findElement(By.linkText("Phone Width Test")).click();
        Browser.waitFor(browser).until(ExpectedConditions.urlContains("/my/request.xhtml"));
        assertFitsTheScreen("my-request");
        browser.get(page("search.xhtml?q=chemistry"));
        assertFitsTheScreen("search");
        browser.get(page("my/apply.xhtml"));
        assertFitsTheScreen("apply");
    }

    @Test
    void everyInputOfTheFormsHasALabelAndTheKeyboardReachesTheSubmitButton() {
        browser = Browser.open();
        browser.get(page("signin.xhtml"));
        List<String> unlabelled = browser.findElements(By.cssSelector("main input:not([type=hidden])")).stream()
                .filter(input -> input.getAttribute("id") != null && !input.getAttribute("id").isEmpty()
                        && input.getAttribute("aria-hidden") == null)
                .filter(input -> browser.findElements(By.cssSelector("label[for='" + input.getAttribute("id") + "']"))
                        .isEmpty() && input.getAttribute("aria-label") == null
                        && input.getAttribute("aria-labelledby") == null)
                .map(input -> input.getAttribute("id")).toList();
        assertEquals(List.of(), unlabelled);

        browser.findElement(By.id("signin:card")).click();
        browser.switchTo().activeElement().sendKeys(org.openqa.selenium.Keys.TAB); // to the PIN
        browser.switchTo().activeElement().sendKeys(org.openqa.selenium.Keys.TAB); // to the button
        assertEquals("signin:submit", browser.switchTo().activeElement().getAttribute("id"));
    }

    private void assertFitsTheScreen(String name) {
        Browser.screenshot(browser, "phone-" + name);
        Object overflow = script("return document.documentElement.scrollWidth - window.innerWidth;");
        assertTrue(((Number) overflow).longValue() <= 0, name + " scrolls sideways by " + overflow + " px");
    }

    // ---- helpers ----

    /** A reader of a library of its own, with the PIN. */
    private record Card(String library, String number) {
    }

    private static Card newReader() {
        String[] made = data(Map.of("action", "reader", "pin", PIN)).split("/");
        return new Card(made[0], made[1]);
    }

    private static long loan(Card card, String title) {
        return Long.parseLong(data(Map.of("action", "loan", "library", card.library(), "card", card.number(),
                "title", title)));
    }

    private static String data(Map<String, String> parameters) {
        return ReaderData.post(parameters);
    }

    private void signIn(Card card, String pin) {
        Browser.signIn(browser, card.library(), card.number(), pin);
    }

    private String errorMessage() {
        return text(By.cssSelector(".ui-messages-error-summary"));
    }

    private int statusWithSession(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(page(path))).header("Cookie", "JSESSIONID=" + sessionId())
                .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private String sessionId() {
        Cookie cookie = browser.manage().getCookieNamed("JSESSIONID");
        return cookie == null ? null : cookie.getValue();
    }

    private String text(By locator) {
        return browser.findElement(locator).getText();
    }

    private static String page(String path) {
        return Deployments.APPLICATION.resolve(path).toString();
    }

    private Object script(String javascript) {
        return ((JavascriptExecutor) browser).executeScript(javascript);
    }
}
