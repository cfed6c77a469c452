package nl.doorbraak.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import nl.doorbraak.platform.AccessRefused;
import nl.doorbraak.platform.AccessRefused.Refusal;
import nl.doorbraak.security.DoorbraakUser;
import nl.doorbraak.security.WebPagePaths;

/**
 * A form posted without the session's CSRF token. Spring Security refuses it before anything is
 * read or written and forwards here; what the person sees depends on the session:
 * <ul>
 * <li>logged in: the token is missing or wrong while the session is valid — a post from another
 * site, or a page from before a new login. Not processed, a Dutch 403 page;</li>
 * <li>not logged in, and the browser sent a session cookie: the session expired (or the person
 * logged out in another tab). With {@code SameSite=Lax} a browser sends no cookie with another
 * site's post, so this is the person's own form: it is kept ({@link InterruptedForms}) and the
 * login page asks to log in again, after which the form is back, filled in;</li>
 * <li>not logged in, no session cookie: nothing tells it from a forged post. Not processed, not
 * kept, a Dutch page that asks to log in.</li>
 * </ul>
 * Each is a refused attempt ({@code csrf-refused}) whose explanation says which; a logout from an
 * expired session is no refusal (the person is logged out, as asked).
 */
@Controller
class RefusedForms {

    private final InterruptedForms forms;
    private final ApplicationEventPublisher events;

    RefusedForms(InterruptedForms forms, ApplicationEventPublisher events) {
        this.forms = forms;
        this.events = events;
    }

    @RequestMapping(WebPagePaths.REFUSED_FORM)
    String refused(@AuthenticationPrincipal DoorbraakUser user, HttpServletRequest request,
                   HttpServletResponse response, Model model) throws NoResourceFoundException {
        Object denied = request.getAttribute(WebAttributes.ACCESS_DENIED_403);
        Object forwardedFrom = request.getAttribute(RequestDispatcher.FORWARD_REQUEST_URI);
        if (!(denied instanceof AccessDeniedException refusal) || !(forwardedFrom instanceof String uri)) {
            // asked for directly: there is no such page
            throw new NoResourceFoundException(HttpMethod.valueOf(request.getMethod()), request.getRequestURI());
        }
        if (!(refusal instanceof CsrfException)) {
            throw refusal; // a refusal of another kind: a 403 page like any other (PageErrors)
        }
        String action = uri.substring(request.getContextPath().length());
        if (user != null) {
            refuse(user.id(), request, action, "Het beveiligingskenmerk (CSRF-token) ontbrak of klopte niet bij een"
                    + " geldige sessie: mogelijk een vervalst verzoek vanaf een andere website. Niet verwerkt.");
            return page(response, model, "Het formulier is niet verwerkt, omdat het beveiligingskenmerk ontbrak of niet"
                    + " klopte. Dat gebeurt als een andere website dit formulier verstuurt, of als u intussen opnieuw"
                    + " bent ingelogd. Open de pagina opnieuw en verstuur het formulier nog eens.",
                    InterruptedForms.pageOf(action, request.getParameter("kind")).orElse("/"), "Terug naar de pagina");
        }
        boolean cookieSent = request.getRequestedSessionId() != null;
        if (!cookieSent) {
            forgetNewSession(request, response);
        }
        if (action.equals("/logout")) {
            return "redirect:/login?afgemeld";
        }
        if (!cookieSent) {
            refuse(null, request, action, "Zonder sessie (geen sessiecookie): mogelijk een vervalst verzoek vanaf een"
                    + " andere website. Niet verwerkt en niet bewaard.");
            return page(response, model, "U bent niet ingelogd, daarom is het formulier niet verwerkt. Log in en vul"
                    + " het formulier opnieuw in.", "/login", "Inloggen");
        }
        if (action.equals("/login")) {
            refuse(null, request, action, "De inlogpagina was verlopen: opnieuw getoond.");
            return "redirect:/login?verlopen";
        }
        boolean kept = forms.keep(request, action);
        refuse(null, request, action, kept
                ? "De sessie was verlopen: niet verwerkt; wat was ingevuld is bewaard tot de gebruiker opnieuw inlogt."
                : "De sessie was verlopen: niet verwerkt.");
        return "redirect:/login?verlopen";
    }

    /**
     * Spring Security's CSRF check stored a fresh token in a session it created for this post. Sent
     * back, that session's cookie would replace the one the browser holds for our site — a post
     * from another site (which never carries the cookie) would log its victim out. Not sent.
     */
    private static void forgetNewSession(HttpServletRequest request, HttpServletResponse response) {
        HttpSession session = request.getSession(false);
        if (session != null && session.isNew()) {
            session.invalidate();
        }
        response.reset(); // nothing is written yet; this drops the new session's Set-Cookie
    }

    private void refuse(String userId, HttpServletRequest request, String action, String detail) {
        events.publishEvent(new AccessRefused(Refusal.CSRF, userId, request.getMethod(), action, detail));
    }

    private static String page(HttpServletResponse response, Model model, String message, String back,
                               String backLabel) {
        response.setStatus(HttpStatus.FORBIDDEN.value());
        model.addAttribute("title", "Niet verwerkt");
        model.addAttribute("message", message);
        model.addAttribute("back", back);
        model.addAttribute("backLabel", backLabel);
        return "web/error";
    }
}
