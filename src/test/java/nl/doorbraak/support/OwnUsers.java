package nl.doorbraak.support;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;

/**
 * Users a test creates for itself (and removes again), for what must not touch the shared demo
 * users: failed logins, which the login throttle counts against that user (from that source), or
 * counts per municipality that other tests' requests would disturb.
 */
public final class OwnUsers {

    private OwnUsers() {
    }

    /** Creates the user as a member of the group and returns its id. */
    public static String create(IdentityService identityService, String id, String group, String password) {
        User user = identityService.newUser(id);
        user.setFirstName("Toets");
        user.setLastName(id);
        user.setPassword(password);
        identityService.saveUser(user);
        identityService.createMembership(id, group);
        return id;
    }
}
