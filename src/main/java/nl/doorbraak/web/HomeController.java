package nl.doorbraak.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import nl.doorbraak.security.DoorbraakUser;

/**
 * The start page sends each user to their own pages (or, right after a login, back to a form
 * their expired session interrupted); the login page is ours, in Dutch.
 */
@Controller
class HomeController {

    private final InterruptedForms forms;

    HomeController(InterruptedForms forms) {
        this.forms = forms;
    }

    @GetMapping("/")
    String home(@AuthenticationPrincipal DoorbraakUser user, HttpServletRequest request) {
        // a login ends here: the form kept from the expired session is the way back
        var interrupted = forms.resume(request);
        if (interrupted.isPresent()) {
            return "redirect:" + interrupted.get();
        }
        if (user.isMunicipality()) {
            return "redirect:/verzoeken";
        }
        if (user.isAuditorOrProgrammeOffice()) {
            return "redirect:/audit/zaken";
        }
        return "web/home";
    }

    @GetMapping("/login")
    String login(HttpServletRequest request, Model model) {
        model.addAttribute("formWaiting", forms.waiting(request));
        return "web/login";
    }
}
