package nl.doorbraak.web;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

import nl.doorbraak.support.Http;
import nl.doorbraak.support.TestUsers;

/** A browser without a browser: cookies, the CSRF token of the last page, form posts. For the page tests. */
final class WebSession {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private String csrf;

    WebSession(int port) {
        this.baseUrl = "http://localhost:" + port;
    }

    /** Logs in through the login page; the session cookie is kept. */
    static WebSession loggedIn(int port, String user) {
        WebSession session = new WebSession(port);
        HttpResponse<String> response = session.login(user, TestUsers.PASSWORD);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).doesNotContain("fout"));
        return session;
    }

    HttpResponse<String> login(String user, String password) {
        get("/login");
        return post("/login", Map.of("username", user, "password", password));
    }

    HttpResponse<String> get(String path) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET().build());
        Matcher token = CSRF.matcher(response.body());
        if (token.find()) {
            csrf = token.group(1);
        }
        return response;
    }

    /** Posts the form with the CSRF token of the last page read. */
    HttpResponse<String> post(String path, Map<String, String> form) {
        Map<String, String> withToken = new LinkedHashMap<>(form);
        if (csrf != null) {
            withToken.put("_csrf", csrf);
        }
        return postWithoutToken(path, withToken);
    }

    HttpResponse<String> postWithoutToken(String path, Map<String, String> form) {
        return postFields(path, List.copyOf(form.entrySet()));
    }

    /** Posts the fields in this order, a name as often as it is given, with the CSRF token of the last page read. */
    HttpResponse<String> postRepeating(String path, List<Map.Entry<String, String>> fields) {
        List<Map.Entry<String, String>> withToken = new ArrayList<>(fields);
        if (csrf != null) {
            withToken.add(Map.entry("_csrf", csrf));
        }
        return postFields(path, withToken);
    }

    private HttpResponse<String> postFields(String path, List<Map.Entry<String, String>> fields) {
        StringJoiner body = new StringJoiner("&");
        fields.forEach(field -> body.add(URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8)));
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        return Http.send(client, request);
    }
}
