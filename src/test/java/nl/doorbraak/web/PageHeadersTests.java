package nl.doorbraak.web;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import nl.doorbraak.support.PostgresIntegrationTest;
import nl.doorbraak.support.TestUsers;

import static nl.doorbraak.web.WebPagesTests.NIEUWEGEIN;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the pages and the Camunda webapps say about themselves in their headers: Dutch, a session
 * cookie with SameSite=Lax and HttpOnly, Secure and Strict-Transport-Security only when a trusted
 * proxy (here: on the same host) says the browser came over HTTPS.
 */
@PostgresIntegrationTest
class PageHeadersTests {

    private static final Map<String, String> OVER_HTTPS = Map.of("X-Forwarded-Proto", "https");

    @LocalServerPort
    int port;

    @Test
    void overPlainHttpTheSessionCookieIsLaxAndHttpOnlyAndThereIsNoHsts() {
        WebSession browser = new WebSession(port);
        HttpResponse<String> login = browser.get("/login", Map.of("Accept-Language", "en-US,en;q=0.9"));
        assertThat(login.headers().firstValue("Content-Language")).hasValue("nl");
        assertThat(login.body()).contains("<html lang=\"nl\"");
        String cookie = sessionCookie(login);
        assertThat(cookie).contains("SameSite=Lax").contains("HttpOnly").doesNotContain("Secure");
        assertThat(login.headers().firstValue("Strict-Transport-Security")).isEmpty();

        HttpResponse<String> loggedIn = browser.login(NIEUWEGEIN, TestUsers.PASSWORD);
        assertThat(sessionCookie(loggedIn)).as("the new id after the login").contains("SameSite=Lax").contains("HttpOnly")
                .doesNotContain("Secure");
        HttpResponse<String> page = browser.get("/verzoeken");
        assertThat(page.headers().firstValue("Content-Language")).hasValue("nl");
        assertThat(page.headers().firstValue("Strict-Transport-Security")).isEmpty();
    }

    @Test
    void behindAnHttpsProxyTheSessionCookieIsSecureAndThePagesSendHsts() {
        WebSession browser = new WebSession(port);
        HttpResponse<String> login = browser.get("/login", OVER_HTTPS);
        assertThat(sessionCookie(login)).contains("Secure").contains("SameSite=Lax").contains("HttpOnly");
        assertThat(login.headers().firstValue("Strict-Transport-Security")).hasValueSatisfying(hsts ->
                assertThat(hsts).startsWith("max-age=31536000").contains("includeSubDomains"));
        assertThat(browser.get("/assets/doorbraak.css", OVER_HTTPS).headers().firstValue("Strict-Transport-Security"))
                .isPresent();
        // what another header claims does not count: only the protocol the proxy names
        assertThat(browser.get("/login", Map.of("X-Forwarded-Proto", "http")).headers()
                .firstValue("Strict-Transport-Security")).isEmpty();
    }

    @Test
    void theCamundaWebappsCookiesAreLaxToo() throws Exception {
        CookieManager cookies = new CookieManager();
        HttpClient client = HttpClient.newBuilder().cookieHandler(cookies).build();
        HttpResponse<String> app = client.send(HttpRequest.newBuilder(uri("/camunda/app/tasklist/default/")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        List<String> setCookies = app.headers().allValues("Set-Cookie");
        assertThat(setCookies).filteredOn(c -> c.startsWith("XSRF-TOKEN=")).singleElement()
                .satisfies(c -> assertThat(c).contains("SameSite=Lax"));
        String token = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
                .findFirst().orElseThrow().getValue();
        HttpResponse<String> login = client.send(HttpRequest.newBuilder(uri("/camunda/api/admin/auth/user/default/login/tasklist"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", token)
                .POST(HttpRequest.BodyPublishers.ofString("username=" + URLEncoder.encode(TestUsers.AUDITOR,
                        StandardCharsets.UTF_8) + "&password=" + TestUsers.PASSWORD)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(java.util.stream.Stream.concat(setCookies.stream(), login.headers().allValues("Set-Cookie").stream()))
                .filteredOn(c -> c.startsWith("JSESSIONID=")).isNotEmpty()
                .allSatisfy(c -> assertThat(c).contains("SameSite=Lax").contains("HttpOnly")
                        .as("Tomcat's SameSite and Camunda's SessionCookieFilter do not both add one")
                        .containsOnlyOnce("SameSite"));
    }

    private static String sessionCookie(HttpResponse<String> response) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .findFirst().orElseThrow(() -> new AssertionError("no session cookie in " + response.headers().map()));
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
