package nl.doorbraak.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A user logged in to Tasklist as the browser does it (session cookie, the webapp's XSRF token
 * sent back as {@code X-XSRF-TOKEN}), calling the engine API behind Tasklist — the path a form
 * submitted in Tasklist takes, and the one someone who edits the browser's requests takes.
 */
public final class TasklistSession {

    /** The engine API of the webapps, as Tasklist calls it. */
    public static final String ENGINE = "/camunda/api/engine/engine/default";

    private final CookieManager cookies = new CookieManager();
    private final HttpClient client = HttpClient.newBuilder().cookieHandler(cookies)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;

    private TasklistSession(int port) {
        this.baseUrl = "http://localhost:" + port;
    }

    /** Opens Tasklist and logs in; the login must succeed. */
    public static TasklistSession loggedIn(int port, String user) {
        TasklistSession session = new TasklistSession(port);
        session.get("/camunda/app/tasklist/default/");
        HttpResponse<String> login = session.send(HttpRequest.newBuilder(session.uri(
                        "/camunda/api/admin/auth/user/default/login/tasklist"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                        + "&password=" + URLEncoder.encode(TestUsers.PASSWORD, StandardCharsets.UTF_8))));
        assertThat(login.statusCode()).as("Tasklist login of %s: %s", user, login.body()).isEqualTo(200);
        // the login starts a new session; its XSRF token comes with the next page, as in the browser
        session.get("/camunda/app/tasklist/default/");
        return session;
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).header("Accept", "application/json").GET());
    }

    /** POSTs JSON to the engine API (path below {@link #ENGINE}), as Tasklist's form submit does. */
    public HttpResponse<String> postToEngine(String path, String json) {
        return send(HttpRequest.newBuilder(uri(ENGINE + path)).header("Content-Type", "application/json")
                .header("Accept", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /**
     * The body of Tasklist's "submit-form" for the values of a Camunda Form, made as Tasklist
     * makes it: a plain value as {"value": ...}, typed by the engine (text String, a whole number
     * Integer); an object or list (a group of fields, a checklist, a dynamic list) as a Json variable.
     */
    public static String formSubmit(Map<String, ?> values) {
        Map<String, Object> variables = new LinkedHashMap<>();
        values.forEach((key, value) -> variables.put(key, value instanceof Map<?, ?> || value instanceof List<?>
                ? Map.of("type", "Json", "value", CaseSteps.json(value)) : Collections.singletonMap("value", value)));
        return CaseSteps.json(Map.of("variables", variables));
    }

    /** A client with this session's cookies, e.g. to download what Tasklist links to. */
    public HttpClient client() {
        return client;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        String token = xsrfToken();
        if (token != null) {
            request.header("X-XSRF-TOKEN", token);
        }
        return Http.send(client, request.timeout(Duration.ofSeconds(60)).build());
    }

    private String xsrfToken() {
        return cookies.getCookieStore().getCookies().stream().filter(cookie -> cookie.getName().equals("XSRF-TOKEN"))
                .map(HttpCookie::getValue).findFirst().orElse(null);
    }

    private URI uri(String path) {
        return URI.create(baseUrl + path);
    }
}
