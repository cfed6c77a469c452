package nl.doorbraak.security;

import java.util.Optional;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.camunda.bpm.webapp.impl.security.filter.util.CsrfConstants;

/**
 * Who is logged in to the Camunda webapps in this request's session, as the webapps themselves
 * see it: their login keeps the user and the groups in the HTTP session, and the same groups are
 * what the engine checks its authorizations against during the request.
 */
record WebappCaller(String userId, Set<String> groups) {

    /** Where the webapps keep their logins in the session (Camunda's {@code AuthenticationUtil}). */
    private static final String SESSION_ATTRIBUTE = "authenticatedUser";

    WebappCaller {
        groups = Set.copyOf(groups);
    }

    static Optional<WebappCaller> of(HttpServletRequest request, String engineName) {
        HttpSession session = request.getSession(false);
        if (session == null || !(session.getAttribute(SESSION_ATTRIBUTE) instanceof Authentications logins)) {
            return Optional.empty();
        }
        Authentication login = logins.getAuthenticationForProcessEngine(engineName);
        if (!(login instanceof UserAuthentication user) || user.getName() == null) {
            return Optional.empty();
        }
        return Optional.of(new WebappCaller(user.getName(),
                user.getGroupIds() == null ? Set.of() : Set.copyOf(user.getGroupIds())));
    }

    /**
     * Whether the request carries the session's CSRF token, as Camunda's CsrfPreventionFilter
     * checks it. Used to tell a forged request from a refused one; the webapps' own filter still
     * checks every write that gets past this application.
     */
    static boolean carriesCsrfToken(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        String header = request.getHeader(CsrfConstants.CSRF_TOKEN_HEADER_NAME);
        return session != null && header != null && !header.isBlank()
                && header.equals(session.getAttribute(CsrfConstants.CSRF_TOKEN_SESSION_ATTR_NAME));
    }

    boolean isAdministrator() {
        return groups.contains(Groups.ADMIN);
    }

    /** Auditors read everything and change nothing, whatever other group they are in. */
    boolean isReadOnly() {
        return groups.contains(Groups.AUDITOR);
    }
}
