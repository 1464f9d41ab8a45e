package org.gatehouse.platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.filter.util.CsrfConstants;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets the user signed in to Camunda's webapps call the routes features open to that session
 * ({@link WebappSessionRoutes}), so that a webapp plugin reads Gatehouse's API as the person using it. A call with an
 * {@code Authorization} header is left to HTTP Basic; a call without a signed-in session goes on unauthenticated (401).
 *
 * <p>The session names the user for the engine the webapps serve; whether they still exist and which groups they
 * hold is read again on every call, so a person deactivated or moved since signing in gets what they have now. Every
 * call, reads included, carries the webapp's CSRF token as Camunda's own filter checks it on writes (the
 * {@code X-XSRF-TOKEN} header equal to the session's token): a read of the audit trail is recorded in the reader's
 * name, so a page elsewhere must not make one. A call without it is refused (403) and the session is left alone, where
 * Camunda's filter ends it, so that a link from elsewhere cannot sign anyone out.
 */
final class WebappSessionAuthenticationFilter extends OncePerRequestFilter {

    private final RequestMatcher routes;
    private final IdentityService identity;
    private final String engineName;
    private final ObjectMapper json;
    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

    WebappSessionAuthenticationFilter(RequestMatcher routes, IdentityService identity, String engineName, ObjectMapper json) {
        this.routes = routes;
        this.identity = identity;
        this.engineName = engineName;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getHeader(HttpHeaders.AUTHORIZATION) != null || !routes.matches(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        String user = session == null ? null : signedIn(session);
        if (user == null) {
            chain.doFilter(request, response);
            return;
        }
        if (!carriesToken(request, session)) {
            response.setHeader(CsrfConstants.CSRF_TOKEN_HEADER_NAME, CsrfConstants.CSRF_TOKEN_HEADER_REQUIRED);
            ProblemResponses.write(json, request, response, HttpStatus.FORBIDDEN, "A call with the webapps' session"
                    + " carries their CSRF token in the " + CsrfConstants.CSRF_TOKEN_HEADER_NAME + " header", null);
            return;
        }
        var context = contexts.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null,
                IdentityServiceAuthenticationProvider.groupsOf(identity, user)));
        contexts.setContext(context);
        chain.doFilter(request, response);
    }

    /** The webapps' user for this engine, if they still exist. */
    private String signedIn(HttpSession session) {
        Authentication signedIn = AuthenticationUtil.getAuthsFromSession(session).getAuthenticationForProcessEngine(engineName);
        if (signedIn == null || signedIn.getIdentityId() == null) {
            return null;
        }
        String user = signedIn.getIdentityId();
        return identity.createUserQuery().userId(user).count() == 1 ? user : null;
    }

    private static boolean carriesToken(HttpServletRequest request, HttpSession session) {
        String sent = request.getHeader(CsrfConstants.CSRF_TOKEN_HEADER_NAME);
        Object expected = session.getAttribute(CsrfConstants.CSRF_TOKEN_SESSION_ATTR_NAME);
        return sent != null && !sent.isBlank() && expected instanceof String token && !token.isBlank()
                && MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8), sent.getBytes(StandardCharsets.UTF_8));
    }
}
