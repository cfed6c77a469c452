package nl.doorbraak.security;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import nl.doorbraak.platform.AccessRefused.Refusal;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Puts the Camunda webapps' own login ({@code POST /camunda/api/admin/auth/user/{engine}/login/{app}},
 * where Tasklist, Cockpit and Admin check the password with the engine's identity service) under
 * the same {@link LoginThrottle} as the API and the web pages: a waiting name is answered 429 with
 * the Dutch message in {@code message}, which the webapps' login form shows; a 401 from Camunda
 * counts as a failure and a 200 as a success; each refusal is announced for the audit trail.
 *
 * <p>The name is read from the form body, as Camunda's {@code @FormParam} reads it, not with
 * {@code getParameter} (which would also take a name from the query string, so that the throttle
 * and the password check could see different names); the body is then handed on unread. Nothing
 * before this filter reads the body; if something did, the name would be missing here and only
 * the source's count would see the attempt.
 */
class WebappLoginThrottle extends OncePerRequestFilter {

    /** The decoded path, so that an encoded letter cannot slip past (Jersey matches the decoded path too). */
    private static final Pattern LOGIN = Pattern.compile("/camunda/api/admin/auth/user/[^/]+/login(/.*)?");
    /** The login form is two short fields; anything longer is not a browser logging in. */
    private static final int LONGEST_BODY = 8 * 1024;

    private final LoginThrottle throttle;
    private final LoginRefusals logins;
    private final ProblemSecurityResponses problems;

    WebappLoginThrottle(LoginThrottle throttle, LoginRefusals logins, ProblemSecurityResponses problems) {
        this.throttle = throttle;
        this.logins = logins;
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getServletPath() + Objects.toString(request.getPathInfo(), "");
        return !"POST".equals(request.getMethod()) || !LOGIN.matcher(path).matches();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        byte[] body = request.getInputStream().readNBytes(LONGEST_BODY + 1);
        if (body.length > LONGEST_BODY) {
            response.sendError(HttpStatus.PAYLOAD_TOO_LARGE.value());
            return;
        }
        Charset charset = charset(request);
        String userId = formField(new String(body, charset), "username", charset);
        String address = request.getRemoteAddr();
        try {
            throttle.check(userId, address);
        } catch (LoginThrottledException throttled) {
            logins.throttled(request, throttled);
            problems.writeThrottled(response, throttled, request.getRequestURI());
            return;
        }
        chain.doFilter(new ReadAgain(request, body), response);
        if (response.getStatus() == HttpStatus.UNAUTHORIZED.value()) {
            throttle.failed(userId, address);
            logins.failed(Refusal.LOGIN_FAILED, request, userId);
        } else if (response.getStatus() == HttpStatus.OK.value()) {
            throttle.succeeded(userId, address);
        }
        // anything else (403: the password was right but the app is not the user's, or no CSRF token) changes nothing
    }

    /** The body's character set as Jersey reads it: the one declared, UTF-8 when none (or an unknown one) is. */
    private static Charset charset(HttpServletRequest request) {
        try {
            return request.getCharacterEncoding() == null ? StandardCharsets.UTF_8
                    : Charset.forName(request.getCharacterEncoding());
        } catch (IllegalArgumentException unknown) {
            return StandardCharsets.UTF_8;
        }
    }

    /** The first value of the field in an application/x-www-form-urlencoded body, decoded; null if absent or malformed. */
    static String formField(String body, String name, Charset charset) {
        for (String pair : body.split("&")) {
            int equals = pair.indexOf('=');
            String key = equals < 0 ? pair : pair.substring(0, equals);
            try {
                if (URLDecoder.decode(key, charset).equals(name)) {
                    return equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), charset);
                }
            } catch (IllegalArgumentException malformed) {
                return null;
            }
        }
        return null;
    }

    /** The request with its body, already read here, to be read once more. */
    private static final class ReadAgain extends HttpServletRequestWrapper {

        private final byte[] body;

        ReadAgain(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            InputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() throws IOException {
                    return in.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    return in.read(buffer, offset, length);
                }

                @Override
                public boolean isFinished() {
                    try {
                        return in.available() == 0;
                    } catch (IOException e) {
                        return true;
                    }
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("read synchronously");
                }
            };
        }
    }
}
