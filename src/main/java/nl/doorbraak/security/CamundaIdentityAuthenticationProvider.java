package nl.doorbraak.security;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Authenticates API callers against the Camunda identities, so the API, Tasklist and Cockpit
 * share one set of users, passwords and groups (managed in Camunda Admin). Each group becomes
 * an authority named after the group id.
 */
@Component
class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

    private final IdentityService identityService;
    private final LoginThrottle throttle;

    CamundaIdentityAuthenticationProvider(IdentityService identityService, LoginThrottle throttle) {
        this.identityService = identityService;
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String userId = authentication.getName();
        Object credentials = authentication.getCredentials();
        if (userId == null || userId.isBlank() || !(credentials instanceof String password)) {
            throw new BadCredentialsException("Onjuiste gebruikersnaam of wachtwoord.");
        }
        // a throttled user name is refused without looking at the password, so guessing on tells nothing
        throttle.refusedFor(userId).ifPresent(wait -> {
            throw new LoginThrottledException(userId, wait);
        });
        if (!identityService.checkPassword(userId, password)) {
            throttle.failed(userId);
            throw new BadCredentialsException("Onjuiste gebruikersnaam of wachtwoord.");
        }
        throttle.succeeded(userId);
        Set<String> groups = identityService.createGroupQuery().groupMember(userId).list().stream()
                .map(Group::getId).collect(Collectors.toSet());
        DoorbraakUser user = new DoorbraakUser(userId, displayName(userId), groups);
        List<SimpleGrantedAuthority> authorities = groups.stream().sorted().map(SimpleGrantedAuthority::new).toList();
        return UsernamePasswordAuthenticationToken.authenticated(user, null, authorities);
    }

    private String displayName(String userId) {
        User user = identityService.createUserQuery().userId(userId).singleResult();
        return user == null ? userId : UserDirectory.displayName(user);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
