package nl.doorbraak.security;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Authenticates API callers and the web pages' form login against the Camunda identities, so
 * the API, the web pages, Tasklist and Cockpit share one set of users, passwords and groups
 * (managed in Camunda Admin), and one {@link LoginThrottle}, keyed by the name and the address
 * the filters put in the authentication's details. Each group becomes an authority named after
 * the group id.
 */
@Component
class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

    private final IdentityService identityService;
    private final UserDirectory users;
    private final LoginThrottle throttle;
    private final TransactionTemplate transaction;

    CamundaIdentityAuthenticationProvider(IdentityService identityService, UserDirectory users, LoginThrottle throttle,
                                          PlatformTransactionManager transactions) {
        this.identityService = identityService;
        this.users = users;
        this.throttle = throttle;
        this.transaction = new TransactionTemplate(transactions);
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String userId = authentication.getName();
        Object credentials = authentication.getCredentials();
        if (userId == null || userId.isBlank() || !(credentials instanceof String password)) {
            throw new BadCredentialsException("Onjuiste gebruikersnaam of wachtwoord.");
        }
        String address = authentication.getDetails() instanceof WebAuthenticationDetails web ? web.getRemoteAddress()
                : null;
        // a throttled name is refused without looking at the password, so guessing on tells nothing
        throttle.check(userId, address);
        // every API call authenticates: the password check and the user's groups and name in one transaction,
        // which commits also when the password is wrong (the engine counts failed attempts)
        DoorbraakUser user = transaction.execute(status ->
                identityService.checkPassword(userId, password) ? users.find(userId).orElse(null) : null);
        if (user == null) {
            throttle.failed(userId, address);
            throw new BadCredentialsException("Onjuiste gebruikersnaam of wachtwoord.");
        }
        throttle.succeeded(userId, address);
        List<SimpleGrantedAuthority> authorities = user.groups().stream().sorted().map(SimpleGrantedAuthority::new)
                .toList();
        return UsernamePasswordAuthenticationToken.authenticated(user, null, authorities);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
