package nl.doorbraak.security;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.JdbcTemplate;

import nl.doorbraak.support.Http;

/**
 * The three ways in, used as a person or an attacker uses them, from a chosen source address:
 * the API with HTTP Basic, the web pages' login form (session and CSRF token) and the Camunda
 * webapps' login (session and XSRF token). The source is sent as {@code X-Forwarded-For}, which
 * the application believes because the test client connects from localhost, a trusted proxy
 * ({@code server.tomcat.remoteip.internal-proxies}).
 */
final class LoginChannels {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final AtomicInteger SOURCES = new AtomicInteger();

    private final int port;

    LoginChannels(int port) {
        this.port = port;
    }

    /** An API call that needs a login. */
    HttpResponse<String> api(String user, String password, String source) {
        return new Session(source).send(request("/api/v1/municipalities", source)
                .header("Authorization", Http.basic(user, password)).GET());
    }

    /** A new browser session from the source. */
    Session session(String source) {
        return new Session(source);
    }

    /** An address no test has used before in this JVM, so that no other test's failures count for it. */
    static String newSource() {
        int n = SOURCES.incrementAndGet();
        return "10." + (n >> 16 & 255) + "." + (n >> 8 & 255) + "." + (n & 255);
    }

    /** The audit entries of refused attempts with this action whose explanation names the tried user. */
    static long refusals(JdbcTemplate jdbc, String action, String user) {
        return jdbc.queryForObject("""
                SELECT count(*) FROM audit_event WHERE chain = 'system' AND action = ? AND result = 'refused'
                  AND user_id IS NULL AND explanation LIKE ?""", Long.class, action,
                "Aanmeldpoging als '" + user + "'%");
    }

    private HttpRequest.Builder request(String path, String source) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(60))
                .header("X-Forwarded-For", source);
    }

    /** One browser: its cookies, and the CSRF token of the last page of the web pages it read. */
    final class Session {

        private final CookieManager cookies = new CookieManager();
        private final HttpClient client = HttpClient.newBuilder().cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
        private final String source;
        private String csrf;

        private Session(String source) {
            this.source = source;
        }

        HttpResponse<String> get(String path) {
            HttpResponse<String> response = send(request(path, source).header("Accept", "application/json, text/html")
                    .GET());
            Matcher token = CSRF.matcher(response.body());
            if (token.find()) {
                csrf = token.group(1);
            }
            return response;
        }

        /** The web pages' login form: the answer is a redirect to the page that says how it went. */
        HttpResponse<String> pageLogin(String user, String password) {
            get("/login");
            Map<String, String> form = new LinkedHashMap<>();
            form.put("username", user);
            form.put("password", password);
            form.put("_csrf", csrf);
            return send(request("/login", source).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(encode(form))));
        }

        /** The login of Tasklist, Cockpit or Admin, as their login form posts it. */
        HttpResponse<String> webappLogin(String app, String user, String password) {
            return webappPost("/camunda/api/admin/auth/user/default/login/" + app, app,
                    "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                            + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8));
        }

        /** A post to a login address of the webapps with a body of the caller's making. */
        HttpResponse<String> webappPost(String path, String app, String body) {
            get("/camunda/app/" + app + "/default/");
            return send(request(path, source)
                    .header("Content-Type", "application/x-www-form-urlencoded;charset=UTF-8")
                    .header("Accept", "application/json")
                    .header("X-XSRF-TOKEN", cookies.getCookieStore().getCookies().stream()
                            .filter(cookie -> cookie.getName().equals("XSRF-TOKEN"))
                            .map(HttpCookie::getValue).findFirst().orElseThrow())
                    .POST(HttpRequest.BodyPublishers.ofString(body)));
        }

        private HttpResponse<String> send(HttpRequest.Builder request) {
            return Http.send(client, request.build());
        }
    }

    private static String encode(Map<String, String> form) {
        StringJoiner body = new StringJoiner("&");
        form.forEach((key, value) -> body.add(URLEncoder.encode(key, StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return body.toString();
    }
}
