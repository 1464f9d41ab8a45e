package org.gatehouse.platform;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Checks API credentials against the same identity store as the webapps; failed attempts are throttled per client in
 * front of it ({@link LoginThrottle}), not by locking the account. Groups become authorities.
 */
@Component
class IdentityServiceAuthenticationProvider implements AuthenticationProvider {

    private final IdentityService identity;

    IdentityServiceAuthenticationProvider(IdentityService identity) {
        this.identity = identity;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String user = authentication.getName();
        Object password = authentication.getCredentials();
        if (user == null || password == null || !passwordMatches(user, password.toString())) {
            throw new BadCredentialsException("Bad credentials");
        }
        return UsernamePasswordAuthenticationToken.authenticated(user, null, groupsOf(identity, user));
    }

    /** A user's groups as Spring Security's authorities, as the identity service holds them now. */
    static List<SimpleGrantedAuthority> groupsOf(IdentityService identity, String user) {
        return identity.createGroupQuery().groupMember(user).list().stream()
                .map(Group::getId).map(SimpleGrantedAuthority::new).toList();
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    /**
     * People imported from HR or a chat platform have no password; the engine's check then fails inside (a null
     * hash) instead of answering false. They simply cannot sign in: a 401, never a 500.
     */
    private boolean passwordMatches(String user, String password) {
        try {
            return identity.checkPassword(user, password);
        } catch (NullPointerException e) {
            return false;
        }
    }
}
