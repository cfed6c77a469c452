package nl.doorbraak.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Which requests are the application's own web pages: everything that is not the API, the
 * Camunda webapps, health or the API documentation. One definition for the page filter chain
 * and for the pages' error handling, so that an unknown address is a page (login, then a Dutch
 * 404) and the API keeps problem+json.
 */
public final class WebPagePaths {

    /**
     * Where the page chain forwards a refused form (a POST without the session's CSRF token),
     * so that the web module, not a filter, decides what the person sees.
     */
    public static final String REFUSED_FORM = "/formulier-geweigerd";

    static final RequestMatcher PAGES = new NegatedRequestMatcher(new OrRequestMatcher(
            SecurityConfiguration.path("/api/**"), SecurityConfiguration.path("/camunda/**"),
            SecurityConfiguration.path("/actuator/**"), SecurityConfiguration.path("/swagger-ui.html"),
            SecurityConfiguration.path("/swagger-ui/**"), SecurityConfiguration.path("/error")));

    private WebPagePaths() {
    }

    public static boolean isPage(HttpServletRequest request) {
        return PAGES.matches(request);
    }
}
