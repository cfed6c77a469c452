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

    private final CookieManager cookies = new CookieManager();
    private final HttpClient client = HttpClient.newBuilder().cookieHandler(cookies)
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
        return get(path, Map.of());
    }

    /** A GET with extra request headers (e.g. what a proxy adds). */
    HttpResponse<String> get(String path, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).GET();
        headers.forEach(request::header);
        HttpResponse<String> response = send(request.build());
        Matcher token = CSRF.matcher(response.body());
        if (token.find()) {
            csrf = token.group(1);
        }
        return response;
    }

    /** The session id the browser holds (the JSESSIONID cookie), or null. */
    String sessionId() {
        return cookies.getCookieStore().getCookies().stream().filter(cookie -> cookie.getName().equals("JSESSIONID"))
                .map(java.net.HttpCookie::getValue).findFirst().orElse(null);
    }

    /** Lets this session expire in Tomcat, as its timeout does when a page is left open too long. */
    void expire(org.springframework.boot.web.context.WebServerApplicationContext context) {
        expire(context, sessionId());
    }

    static void expire(org.springframework.boot.web.context.WebServerApplicationContext context, String sessionId) {
        var tomcat = ((org.springframework.boot.web.embedded.tomcat.TomcatWebServer) context.getWebServer()).getTomcat();
        for (org.apache.catalina.Container child : tomcat.getHost().findChildren()) {
            try {
                org.apache.catalina.Session session = ((org.apache.catalina.Context) child).getManager()
                        .findSession(sessionId);
                if (session != null) {
                    session.expire();
                    return;
                }
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        throw new AssertionError("Tomcat has no session " + sessionId);
    }

    /** Forgets every cookie, as a browser that was closed. */
    void dropCookies() {
        cookies.getCookieStore().removeAll();
    }

    /**
     * Posts a multipart form, as the pages' upload forms send it, with the CSRF token of the last
     * page read; {@code files} maps a field name to a file name and its content.
     */
    HttpResponse<String> postMultipart(String path, Map<String, String> form, Map<String, Map.Entry<String, byte[]>> files) {
        String boundary = "----doorbraak" + java.util.UUID.randomUUID();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        Map<String, String> withToken = new LinkedHashMap<>(form);
        if (csrf != null) {
            withToken.put("_csrf", csrf);
        }
        withToken.forEach((name, value) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\""
                + name + "\"\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
        files.forEach((name, file) -> {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\""
                    + file.getKey() + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            body.writeBytes(file.getValue());
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        });
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
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
