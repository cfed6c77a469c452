package nl.doorbraak.webapps;

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
import java.util.Map;

import nl.doorbraak.support.CaseSteps;
import nl.doorbraak.support.Http;
import nl.doorbraak.support.TestUsers;

/**
 * One user's session with the Camunda webapps, as their browser has it: logged in through the
 * webapps' login form, the session cookie, and the CSRF token from the {@code XSRF-TOKEN}
 * cookie sent back as {@code X-XSRF-TOKEN} on every write. Calls go to the paths the webapps
 * call, e.g. Tasklist's engine API {@code /camunda/api/engine/engine/default/...}.
 */
public final class WebappSession {

    public static final String ENGINE_API = "/camunda/api/engine/engine/default/";

    private final int port;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient client;
    private final String user;

    private WebappSession(int port, String user) {
        this.port = port;
        this.user = user;
        this.client = HttpClient.newBuilder().cookieHandler(cookies).connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** A browser that opened the app's login page (a session and a CSRF token) and did not log in. */
    public static WebappSession anonymous(int port, String app) {
        WebappSession session = new WebappSession(port, null);
        session.get("/camunda/app/" + app + "/default/");
        session.get(ENGINE_API + "process-definition/count");
        return session;
    }

    /** Logs the user in to the app ("tasklist", "cockpit", "admin") with the demo password; must succeed. */
    public static WebappSession login(int port, String app, String user) {
        WebappSession session = new WebappSession(port, user);
        session.get("/camunda/app/" + app + "/default/");
        String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(TestUsers.PASSWORD, StandardCharsets.UTF_8);
        HttpResponse<String> login = session.send(session.request("/camunda/api/admin/auth/user/default/login/" + app)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-XSRF-TOKEN", session.csrfToken())
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
        assertThat(login.statusCode()).as("login of %s to %s: %s", user, app, login.body()).isEqualTo(200);
        // after the login the webapps hand out a new token with the next read
        session.get(ENGINE_API + "user/" + user + "/profile");
        return session;
    }

    public String user() {
        return user;
    }

    public HttpResponse<String> get(String path) {
        return send(request(path).header("Accept", "application/json").GET().build());
    }

    /** A write with the session's CSRF token, as the webapps send it; a null body sends none. */
    public HttpResponse<String> send(String method, String path, Object body) {
        return send(write(method, path, body).header("X-XSRF-TOKEN", csrfToken()).build());
    }

    /** The same write without the CSRF token, as another site could make the browser send it. */
    public HttpResponse<String> sendWithoutCsrfToken(String method, String path, Object body) {
        return send(write(method, path, body).build());
    }

    public HttpResponse<String> post(String path, Object body) {
        return send("POST", path, body);
    }

    /** Tasklist's engine API variables ({@code {"name": {"value": ...}}}) from plain values. */
    public static Map<String, Object> variables(Map<String, ?> values) {
        Map<String, Object> variables = new java.util.LinkedHashMap<>();
        values.forEach((name, value) -> variables.put(name, value instanceof Map<?, ?> || value instanceof java.util.List<?>
                ? Map.of("value", CaseSteps.json(value), "type", "Json")
                : java.util.Collections.singletonMap("value", value)));
        return variables;
    }

    private HttpRequest.Builder write(String method, String path, Object body) {
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body instanceof String text ? text : CaseSteps.json(body));
        HttpRequest.Builder request = request(path).header("Accept", "application/json").method(method, publisher);
        return body == null ? request : request.header("Content-Type", "application/json");
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(60));
    }

    private HttpResponse<String> send(HttpRequest request) {
        return Http.send(client, request);
    }

    private String csrfToken() {
        return cookies.getCookieStore().getCookies().stream()
                .filter(cookie -> cookie.getName().equals("XSRF-TOKEN"))
                .reduce((first, second) -> second)
                .map(HttpCookie::getValue).orElseThrow(() -> new AssertionError("no XSRF-TOKEN cookie"));
    }
}
