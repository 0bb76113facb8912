package org.openill.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The security headers and the session cookie, read over HTTP from the running server: pages, error pages and static
 * files alike.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SecurityHeadersIT {

    private static final URI HTTPS_APPLICATION = URI.create("https://localhost:8443/ill/");

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.builtEar();
    }

    @Test
    void everyKindOfResponseCarriesTheSecurityHeaders() throws Exception {
        record Probe(String path, int status) {
        }
        List<Probe> probes = List.of(
                new Probe("", 200),                                          // the home page
                new Probe("no-such-page.xhtml", 404),                        // the not-found page, from Faces
                new Probe("no-such-file.txt", 404),                          // the not-found page, for any other path
                new Probe("resources/css/ill.css", 200),                     // a static file
                new Probe("jakarta.faces.resource/css/ill.css.xhtml", 200),  // the same, as a Faces resource
                new Probe("jakarta.faces.resource/core.js.xhtml?ln=primefaces", 200)); // a PrimeFaces script
        for (Probe probe : probes) {
            HttpResponse<String> response = Http.get(Deployments.APPLICATION.resolve(probe.path()));
            assertEquals(probe.status(), response.statusCode(), probe.path());
            assertSecurityHeaders(response, probe.path());
        }
    }

    @Test
    void pageScriptsRunOnlyWithTheNonceOfThePagePolicy() throws Exception {
        HttpResponse<String> page = Http.get(Deployments.APPLICATION);
        String policy = page.headers().firstValue("Content-Security-Policy").orElseThrow();
        Matcher nonce = Pattern.compile("script-src 'self' 'nonce-([A-Za-z0-9+/=]+)';?$").matcher(policy);
        assertTrue(nonce.find(), "no nonce at the end of script-src: " + policy);

        List<String> scripts = Pattern.compile("<script\\b[^>]*>").matcher(page.body()).results()
                .map(match -> match.group()).toList();
        assertTrue(scripts.size() >= 5, "the home page has PrimeFaces scripts: " + scripts);
        for (String script : scripts) {
            assertTrue(script.contains("nonce=\"" + nonce.group(1) + "\""), "without the page's nonce: " + script);
        }
        assertFalse(Pattern.compile("\\son[a-z]+=\"").matcher(page.body()).find(),
                "an inline event handler, which the policy would block, is in the page");

        String nextNonce = Http.get(Deployments.APPLICATION).headers().firstValue("Content-Security-Policy")
                .orElseThrow();
        assertFalse(nextNonce.contains(nonce.group(1)), "the nonce was used twice");
    }

    @Test
    void sessionCookieIsHttpOnlyAndSameSiteLaxAndNotSecureOverPlainHttp() throws Exception {
        // The home page holds a form, so the first visit opens a session.
        Set<String> attributes = sessionCookieAttributes(Http.get(Deployments.APPLICATION));
        assertTrue(attributes.contains("httponly"), "attributes: " + attributes);
        assertTrue(attributes.contains("samesite=lax"), "attributes: " + attributes);
        assertFalse(attributes.contains("secure"), "a Secure cookie never comes back over plain HTTP: " + attributes);
    }

    @Test
    void sessionCookieIsSecureOverHttps() throws Exception {
        HttpClient https = HttpClient.newBuilder().sslContext(trustingTheServersOwnCertificate())
                .connectTimeout(Duration.ofSeconds(5)).build();
        HttpResponse<String> page = https.send(HttpRequest.newBuilder(HTTPS_APPLICATION).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, page.statusCode());
        assertSecurityHeaders(page, "the home page over HTTPS");
        Set<String> attributes = sessionCookieAttributes(page);
        assertTrue(attributes.containsAll(List.of("secure", "httponly", "samesite=lax")), "attributes: " + attributes);
    }

    @Test
    void aFullPagePostOnAnExpiredPageShowsThatThePageExpired() throws Exception {
        // What a browser sends when the session that held the page is gone: the form, with a view state nobody knows.
        String form = "search=search&search%3Aquery=algorithms&search%3Ago=&jakarta.faces.ViewState="
                + URLEncoder.encode("-1234567890123456789:987654321", StandardCharsets.UTF_8);
        HttpResponse<String> answer = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(Deployments.APPLICATION.resolve("index.xhtml"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(answer.body().contains("<h1>This page has expired</h1>"), answer.body());
        assertSecurityHeaders(answer, "the expired page");
    }

    private static void assertSecurityHeaders(HttpResponse<?> response, String what) {
        List<String> policies = response.headers().allValues("Content-Security-Policy");
        assertEquals(1, policies.size(), what + ": browsers enforce every policy they get: " + policies);
        String policy = policies.get(0);
        assertTrue(policy.startsWith("default-src 'self';"), what + ": " + policy);
        assertTrue(policy.contains("frame-ancestors 'none'"), what + ": " + policy);
        assertTrue(policy.contains("object-src 'none'"), what + ": " + policy);
        String scriptSources = policy.substring(policy.indexOf("script-src"));
        assertTrue(scriptSources.startsWith("script-src 'self'"), what + ": " + policy);
        assertFalse(scriptSources.contains("unsafe-inline") || scriptSources.contains("unsafe-eval"),
                what + ": " + policy);
        assertEquals(Optional.of("nosniff"), response.headers().firstValue("X-Content-Type-Options"), what);
        assertEquals(Optional.of("DENY"), response.headers().firstValue("X-Frame-Options"), what);
        assertEquals(Optional.of("same-origin"), response.headers().firstValue("Referrer-Policy"), what);
    }

    /** The attributes of the JSESSIONID cookie the response sets, lower case, without the value. */
    private static Set<String> sessionCookieAttributes(HttpResponse<?> response) {
        String cookie = response.headers().allValues("Set-Cookie").stream()
                .filter(header -> header.startsWith("JSESSIONID="))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no session cookie set: " + response.headers().map()));
        return Arrays.stream(cookie.split(";")).skip(1)
                .map(attribute -> attribute.strip().toLowerCase())
                .collect(Collectors.toSet());
    }

    /** The test server's certificate is self-signed, made by WildFly at its first start. */
    private static SSLContext trustingTheServersOwnCertificate() throws Exception {
        X509ExtendedTrustManager trustAll = new X509ExtendedTrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
            }

            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
            }

            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        };
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new X509ExtendedTrustManager[] {trustAll}, null);
        return context;
    }
}
