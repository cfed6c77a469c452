package nl.doorbraak.notification;

import org.springframework.stereotype.Service;

import nl.doorbraak.security.UserDirectory;

/**
 * A message to every member of a group with an e-mail address, about a case but not part of what
 * its process sends (e.g. the programme office told that a case passed its deadline): through the
 * outbox relay, with retries, in the transaction of the change that causes it.
 */
@Service
public class GroupMails {

    private final UserDirectory users;
    private final Outbox outbox;

    GroupMails(UserDirectory users, Outbox outbox) {
        this.users = users;
        this.outbox = outbox;
    }

    /** Returns how many messages were written (members without an address get none). */
    public int send(String groupId, String topic, String reference, Letter letter) {
        var recipients = users.emailsByMemberOfGroup(groupId);
        recipients.values().forEach(email -> outbox.enqueueRelayed(Outbox.chainTopic(topic, reference), email, letter));
        return recipients.size();
    }
}
