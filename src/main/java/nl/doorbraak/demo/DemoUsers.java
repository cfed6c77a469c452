package nl.doorbraak.demo;

import nl.doorbraak.security.Groups;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import nl.doorbraak.reference.Ministry;
import nl.doorbraak.reference.Municipality;
import nl.doorbraak.reference.ReferenceData;

/**
 * Demo users for the default profile, one per role, all with the demo password. Never active in
 * the {@code postgres} profile.
 */
@Component
@Order(3)
@ConditionalOnProperty(name = "doorbraak.demo.enabled", havingValue = "true")
public class DemoUsers implements ApplicationRunner {

    /** A demo user: id, first and last name, and the one group it belongs to. */
    record DemoUser(String id, String firstName, String lastName, String group) {
    }

    private final IdentityService identityService;
    private final ReferenceData referenceData;
    private final String password;

    DemoUsers(IdentityService identityService, ReferenceData referenceData,
              @Value("${doorbraak.demo.password}") String password) {
        this.identityService = identityService;
        this.referenceData = referenceData;
        this.password = password;
    }

    List<DemoUser> all() {
        List<DemoUser> users = new ArrayList<>();
        for (Municipality municipality : referenceData.municipalities()) {
            users.add(new DemoUser(slug(municipality.name()), "Indiener", municipality.name(),
                    Groups.municipality(municipality.code())));
        }
        for (Ministry ministry : referenceData.ministries()) {
            users.add(new DemoUser("reviewer-" + ministry.code(), "Beoordelaar", ministry.abbreviation(),
                    Groups.ministry(ministry.code())));
            users.add(new DemoUser("lead-" + ministry.code(), "Leidinggevende", ministry.abbreviation(),
                    Groups.ministryLead(ministry.code())));
        }
        users.add(new DemoUser("programme-office", "Medewerker", "Programmabureau", Groups.PROGRAMME_OFFICE));
        users.add(new DemoUser("programme-director", "Programmadirecteur", "NPLV", Groups.PROGRAMME_DIRECTOR));
        users.add(new DemoUser("auditor", "Auditor", "Auditdienst Rijk", Groups.AUDITOR));
        return users;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        for (DemoUser demo : all()) {
            if (identityService.createUserQuery().userId(demo.id()).count() == 0) {
                User user = identityService.newUser(demo.id());
                user.setFirstName(demo.firstName());
                user.setLastName(demo.lastName());
                user.setEmail(demo.id() + "@example.org");
                user.setPassword(password);
                identityService.saveUser(user);
            }
            if (identityService.createUserQuery().userId(demo.id()).memberOfGroup(demo.group()).count() == 0) {
                identityService.createMembership(demo.id(), demo.group());
            }
        }
    }

    /** "Den Haag" → "den-haag": a user id someone can type. */
    static String slug(String name) {
        String ascii = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }
}
