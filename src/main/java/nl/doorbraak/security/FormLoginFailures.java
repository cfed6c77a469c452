package nl.doorbraak.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import nl.doorbraak.platform.AccessRefused.Refusal;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.stereotype.Component;

/**
 * A refused login on the web pages' login form: on the audit trail, and back to the login page,
 * which says either that the name or password was wrong ({@code ?fout}) or, when the throttle
 * refused it, how long to wait ({@code ?te-veel}, the text in the session: a link cannot make the
 * page show a wait that was never imposed).
 */
@Component
class FormLoginFailures implements AuthenticationFailureHandler {

    /** The session attribute the login page shows with {@code ?te-veel}. */
    static final String THROTTLED_MESSAGE = "doorbraak.login.throttled";

    private final LoginRefusals logins;

    FormLoginFailures(LoginRefusals logins) {
        this.logins = logins;
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
                                        AuthenticationException exception) throws IOException {
        if (exception instanceof LoginThrottledException throttled) {
            logins.throttled(request, throttled);
            request.getSession().setAttribute(THROTTLED_MESSAGE, throttled.dutchMessage());
            response.sendRedirect(request.getContextPath() + "/login?te-veel");
            return;
        }
        // the same parameter Spring Security's form login read the name from
        logins.failed(Refusal.LOGIN_FAILED, request, request.getParameter("username"));
        response.sendRedirect(request.getContextPath() + "/login?fout");
    }
}
