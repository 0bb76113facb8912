package org.openill.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The reader portal's home page and the readiness probe, fetched over HTTP from the running server. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class HomePageIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.builtEar();
    }

    @Test
    void homePageListsTheLibrariesAndTheCatalogueSize() throws Exception {
        HttpResponse<String> page = Http.get(Deployments.APPLICATION);
        assertEquals(200, page.statusCode());
        String html = page.body();
        for (String isil : new String[] {"ZZ-NUL", "ZZ-SCL", "ZZ-ECL"}) {
            assertTrue(html.contains("ISIL:" + isil), "home page lacks " + isil);
        }
        assertTrue(html.contains("North University Library") && html.contains("East City Library"));
        assertTrue(html.contains("ui-datatable"), "the libraries are not in a PrimeFaces data table");
        Matcher records = Pattern.compile("id=\"catalogue-size\".*?ill-figure-number\">([\\d,]+)<", Pattern.DOTALL)
                .matcher(html);
        assertTrue(records.find(), "no catalogue size on the home page");
        assertTrue(Long.parseLong(records.group(1).replace(",", "")) >= 5_004, "catalogue size " + records.group(1));
    }

    @Test
    void unknownPageGetsAFriendlyNotFoundPage() throws Exception {
        HttpResponse<String> page = Http.get(Deployments.APPLICATION.resolve("no-such-page.xhtml"));
        assertEquals(404, page.statusCode());
        assertTrue(page.body().contains("Page not found"), page.body());
    }

    @Test
    void readinessIsUpWithTheDatabaseCheck() throws Exception {
        HttpResponse<String> ready = Http.get(Deployments.READINESS);
        assertEquals(200, ready.statusCode(), ready.body());
        String body = ready.body().replace(" ", "");
        assertTrue(body.contains("{\"name\":\"database\",\"status\":\"UP\""), body);
        assertTrue(body.startsWith("{\"status\":\"UP\""), body);
    }
}
