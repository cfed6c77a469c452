package nl.doorbraak.notification;

import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import nl.doorbraak.security.DoorbraakUser;

/** Every signed-in user reads and sets their own e-mail preferences; nobody else's. */
@RestController
@RequestMapping(path = "/api/v1/me/notification-preferences", produces = "application/json")
@Tag(name = "Notification preferences", description = "E-mail about new tasks and passed deadlines, per user")
class NotificationPreferenceController {

    private final NotificationPreferences preferences;

    NotificationPreferenceController(NotificationPreferences preferences) {
        this.preferences = preferences;
    }

    @GetMapping
    @Operation(summary = "The signed-in user's preferences",
            description = "newTasks and deadlines: immediately (default), daily-digest or off")
    Map<String, String> get(@AuthenticationPrincipal DoorbraakUser user) {
        return preferences.of(user.id()).codes();
    }

    @PutMapping(consumes = "application/json")
    @Operation(summary = "Set the signed-in user's preferences",
            description = "Both fields, each immediately, daily-digest or off; every error at once (400).")
    Map<String, String> put(@AuthenticationPrincipal DoorbraakUser user, @RequestBody Map<String, Object> body) {
        return preferences.change(user.id(), body).codes();
    }
}
