package nl.doorbraak.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import nl.doorbraak.notification.NotificationChoice;
import nl.doorbraak.notification.NotificationPreferences;
import nl.doorbraak.platform.validation.InvalidInputException;
import nl.doorbraak.security.DoorbraakUser;

/**
 * "Mijn e-mailmeldingen": every signed-in user, of the web pages or of Tasklist, chooses here how
 * they hear of new tasks and passed deadlines. The same rules as the API
 * ({@code /api/v1/me/notification-preferences}); only one's own choices.
 */
@Controller
class NotificationPreferencesPage {

    static final String PATH = "/mijn-e-mailmeldingen";

    private final NotificationPreferences preferences;

    NotificationPreferencesPage(NotificationPreferences preferences) {
        this.preferences = preferences;
    }

    @GetMapping(PATH)
    String show(@AuthenticationPrincipal DoorbraakUser user, Model model) {
        NotificationPreferences.Preference preference = preferences.of(user.id());
        return page(model, preference.newTasks().code(), preference.deadlines().code());
    }

    @PostMapping(PATH)
    String save(@AuthenticationPrincipal DoorbraakUser user, @RequestParam(required = false) String newTasks,
                @RequestParam(required = false) String deadlines, Model model, RedirectAttributes redirect) {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("newTasks", newTasks);
        input.put("deadlines", deadlines);
        try {
            preferences.change(user.id(), input);
        } catch (InvalidInputException e) {
            model.addAttribute("errors", Forms.byField(e.errors()));
            return page(model, newTasks, deadlines);
        }
        redirect.addFlashAttribute("notice", "Uw keuzes voor e-mailmeldingen zijn opgeslagen.");
        return "redirect:" + PATH;
    }

    private static String page(Model model, String newTasks, String deadlines) {
        model.addAttribute("choices", NotificationChoice.choices());
        model.addAttribute("newTasks", newTasks);
        model.addAttribute("deadlines", deadlines);
        return "web/notification-preferences";
    }
}
