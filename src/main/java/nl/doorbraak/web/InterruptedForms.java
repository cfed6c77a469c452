package nl.doorbraak.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.Part;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import nl.doorbraak.request.RequestKind;

/**
 * Keeps a form that was posted after the session expired, so that nothing typed is lost: in the
 * session that the refused post starts, until the person has logged in again and the form's page
 * shows it, filled in, to be sent with one click. Never sent on by itself: a forged cross-site
 * post would then go through as soon as its victim logs in (docs/web.md). Files are not kept (a
 * session lives in memory, an upload may be 20 MB); their names are, so the page can ask for them.
 */
@Component
class InterruptedForms {

    /** A form with more text than this is not kept: the session is memory, held per visitor. */
    static final int MAX_CHARACTERS = 200_000;

    private static final String SESSION_KEY = InterruptedForms.class.getName();
    private static final Set<String> NEVER_KEPT = Set.of("_csrf", "username", "password", "action");
    private static final String REFERENCE = "([A-Za-z0-9-]{1,40})";
    private static final Pattern WITHDRAWAL = Pattern.compile("/verzoeken/" + REFERENCE + "/intrekken");
    private static final Pattern ON_REQUEST_PAGE = Pattern.compile("/verzoeken/" + REFERENCE
            + "/(?:vragen/[A-Za-z0-9-]{1,64}|documenten)");

    /**
     * The page that holds the form posted to this path: where a person goes back to after a new
     * login, or after a refused post. Empty for a path that is not one of the pages' forms.
     */
    static Optional<String> pageOf(String action, String kind) {
        if (action.equals("/verzoeken/nieuw")) {
            return Optional.of(RequestKind.ofCode(kind == null ? "" : kind)
                    .map(chosen -> "/verzoeken/nieuw?soort=" + chosen.code()).orElse("/verzoeken/nieuw"));
        }
        if (WITHDRAWAL.matcher(action).matches()) {
            return Optional.of(action);
        }
        Matcher onRequestPage = ON_REQUEST_PAGE.matcher(action);
        return onRequestPage.matches() ? Optional.of("/verzoeken/" + onRequestPage.group(1)) : Optional.empty();
    }

    /** Keeps what the refused post to {@code action} carried in the current session; whether it was kept. */
    boolean keep(HttpServletRequest request, String action) {
        Optional<String> page = pageOf(action, request.getParameter("kind"));
        if (page.isEmpty()) {
            return false;
        }
        Map<String, List<String>> fields = new LinkedHashMap<>();
        long characters = 0;
        for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
            if (!NEVER_KEPT.contains(parameter.getKey())) {
                fields.put(parameter.getKey(), List.of(parameter.getValue()));
                for (String value : parameter.getValue()) {
                    characters += parameter.getKey().length() + value.length();
                }
            }
        }
        if (characters > MAX_CHARACTERS) {
            return false;
        }
        request.getSession().setAttribute(SESSION_KEY,
                new KeptForm(action, page.get(), fields, fileNames(request), false));
        return true;
    }

    /** Whether a form is waiting in this session for its page. */
    boolean waiting(HttpServletRequest request) {
        return kept(request.getSession(false)).isPresent();
    }

    /**
     * The page of the form waiting in this session, once: the start page, where a login ends,
     * sends the person there, and the next visit to the start page goes where it always goes.
     */
    Optional<String> resume(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        Optional<KeptForm> form = kept(session).filter(waiting -> !waiting.resumed());
        form.ifPresent(waiting -> session.setAttribute(SESSION_KEY, waiting.asResumed()));
        return form.map(KeptForm::page);
    }

    /**
     * The form waiting for the page of this request, taken out of the session (it is shown once);
     * the page's notice (layout {@code notices}) finds {@code restored}, {@code restoredTyped} and
     * {@code restoredFiles} in the model.
     */
    Optional<KeptForm> restore(HttpServletRequest request, Model model) {
        HttpSession session = request.getSession(false);
        String path = request.getRequestURI().substring(request.getContextPath().length());
        Optional<KeptForm> form = kept(session).filter(waiting -> waiting.pagePath().equals(path));
        form.ifPresent(restored -> {
            session.removeAttribute(SESSION_KEY);
            model.addAttribute("restored", true);
            model.addAttribute("restoredTyped", restored.hasTypedText());
            model.addAttribute("restoredFiles", restored.fileNames());
        });
        return form;
    }

    private static Optional<KeptForm> kept(HttpSession session) {
        return session != null && session.getAttribute(SESSION_KEY) instanceof KeptForm form
                ? Optional.of(form) : Optional.empty();
    }

    private static List<String> fileNames(HttpServletRequest request) {
        String contentType = request.getContentType();
        List<String> names = new ArrayList<>();
        if (contentType == null || !contentType.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/")) {
            return names;
        }
        try {
            for (Part part : request.getParts()) {
                String name = part.getSubmittedFileName();
                if (name != null && !name.isBlank() && part.getSize() > 0) {
                    names.add(name.length() > 200 ? name.substring(0, 200) : name);
                }
            }
        } catch (IOException | ServletException e) {
            // the parts could not be read: the text fields were, and the notice then names no files
        }
        return names;
    }
}
