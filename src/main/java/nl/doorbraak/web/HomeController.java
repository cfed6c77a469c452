package nl.doorbraak.web;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

import nl.doorbraak.security.DoorbraakUser;
import nl.doorbraak.security.Groups;

/** The start page sends each user to their own pages; the login page is ours, in Dutch. */
@Controller
class HomeController {

    @GetMapping("/")
    String home(@AuthenticationPrincipal DoorbraakUser user) {
        if (user.isMunicipality()) {
            return "redirect:/verzoeken";
        }
        if (user.isMemberOf(Groups.AUDITOR) || user.isMemberOf(Groups.PROGRAMME_OFFICE)) {
            return "redirect:/audit/zaken";
        }
        return "web/home";
    }

    @GetMapping("/login")
    String login() {
        return "web/login";
    }
}
