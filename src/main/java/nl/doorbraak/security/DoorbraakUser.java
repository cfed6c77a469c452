package nl.doorbraak.security;

import java.security.Principal;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The authenticated caller: a Camunda identity and its groups. The municipality a caller acts
 * for comes from here, never from a request body.
 */
public record DoorbraakUser(String id, String displayName, Set<String> groups) implements Principal {

    public DoorbraakUser {
        groups = Set.copyOf(groups);
    }

    @Override
    public String getName() {
        return id;
    }

    public boolean isMemberOf(String groupId) {
        return groups.contains(groupId);
    }

    /** The CBS code of the municipality this user submits for, if they are a municipality user. */
    public Optional<String> municipalityCode() {
        return groups.stream().map(Groups::municipalityCodeOf).flatMap(Optional::stream).sorted().findFirst();
    }

    /** The ministries this user reviews for. */
    public Set<String> ministryCodes() {
        return groups.stream().map(Groups::ministryCodeOf).flatMap(Optional::stream).collect(Collectors.toSet());
    }

    /** The ministries this user reviews for or leads. */
    public Set<String> involvedMinistryCodes() {
        return groups.stream().map(Groups::ministryCodeOfAnyGroup).flatMap(Optional::stream).collect(Collectors.toSet());
    }

    /** Programme office, programme director, auditor and administrator see every request. */
    public boolean seesAllRequests() {
        return groups.contains(Groups.PROGRAMME_OFFICE) || groups.contains(Groups.PROGRAMME_DIRECTOR)
                || groups.contains(Groups.AUDITOR) || groups.contains(Groups.ADMIN);
    }

    /** The roles that read every case's history: auditors and the programme office. */
    public boolean isAuditorOrProgrammeOffice() {
        return isMemberOf(Groups.AUDITOR) || isMemberOf(Groups.PROGRAMME_OFFICE);
    }

    public boolean isMunicipality() {
        return municipalityCode().isPresent();
    }

    public List<String> sortedGroups() {
        return groups.stream().sorted().toList();
    }
}
