package nl.doorbraak.security;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Looks up Camunda identities as the application sees them: a user with display name and groups. */
@Service
public class UserDirectory {

    private final IdentityService identityService;
    private final TransactionTemplate readOnly;

    UserDirectory(IdentityService identityService, PlatformTransactionManager transactions) {
        this.identityService = identityService;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    /**
     * The user with display name and groups. Both are read in one transaction (or the caller's):
     * the API authenticates every call with this, and each engine query in a transaction of its
     * own cost two more round trips to the database.
     */
    public Optional<DoorbraakUser> find(String userId) {
        if (userId == null) {
            return Optional.empty();
        }
        return readOnly.execute(status -> {
            User user = identityService.createUserQuery().userId(userId).singleResult();
            if (user == null) {
                return Optional.<DoorbraakUser>empty();
            }
            Set<String> groups = identityService.createGroupQuery().groupMember(userId).list().stream()
                    .map(Group::getId).collect(Collectors.toSet());
            return Optional.of(new DoorbraakUser(userId, displayName(user), groups));
        });
    }

    /** The name a person reads for a user id, e.g. "Beoordelaar SZW". */
    public Optional<String> displayName(String userId) {
        User user = userId == null ? null : identityService.createUserQuery().userId(userId).singleResult();
        return Optional.ofNullable(user).map(UserDirectory::displayName);
    }

    /** E-mail addresses of the members of a group, e.g. to remind the reviewers of a ministry. */
    public List<String> emailsOfGroup(String groupId) {
        return identityService.createUserQuery().memberOfGroup(groupId).list().stream()
                .map(User::getEmail).filter(email -> email != null && !email.isBlank()).sorted().toList();
    }

    /**
     * The members of a group with an e-mail address, by user id, e.g. to tell the people who must
     * act on a task; each one's own notification preference decides what they get.
     */
    public java.util.Map<String, String> emailsByMemberOfGroup(String groupId) {
        java.util.Map<String, String> emails = new java.util.TreeMap<>();
        identityService.createUserQuery().memberOfGroup(groupId).list().stream()
                .filter(user -> user.getEmail() != null && !user.getEmail().isBlank())
                .forEach(user -> emails.put(user.getId(), user.getEmail()));
        return emails;
    }

    /** The e-mail address of a user, if the user has one. */
    public Optional<String> email(String userId) {
        User user = userId == null ? null : identityService.createUserQuery().userId(userId).singleResult();
        return Optional.ofNullable(user).map(User::getEmail).filter(email -> !email.isBlank());
    }

    static String displayName(User user) {
        String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
                + (user.getLastName() == null ? "" : user.getLastName())).trim();
        return name.isEmpty() ? user.getId() : name;
    }
}
