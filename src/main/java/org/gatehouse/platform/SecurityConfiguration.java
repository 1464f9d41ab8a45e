package org.gatehouse.platform;

import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.webapp.impl.security.filter.util.CsrfConstants;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Two doors. Gatehouse's API, the engine's REST API and the actuator take HTTP Basic against Camunda's identity
 * service, with no session of their own and so no CSRF surface. The webapps keep Camunda's own login, session and CSRF
 * filter, and the partner's invitation link carries its own credential, the token. The routes a feature opens to the
 * webapps' session ({@link WebappSessionRoutes}, for a webapp plugin) take that session too, with Camunda's CSRF token.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http, ObjectProvider<WebappSessionRoutes> sessionRoutes,
            ProcessEngine engine, ObjectMapper json) throws Exception {
        List<RequestMatcher> opened = sessionRoutes.orderedStream().flatMap(routes -> routes.patterns().stream())
                .map(SecurityConfiguration::route).toList();
        if (!opened.isEmpty()) {
            http.addFilterBefore(new WebappSessionAuthenticationFilter(new OrRequestMatcher(opened),
                    engine.getIdentityService(), engine.getName(), json), BasicAuthenticationFilter.class);
        }
        return http
                // explicit path matchers: /engine-rest is Jersey's servlet, which MVC patterns would not match
                .securityMatcher(new OrRequestMatcher(path("/api/**"), path("/engine-rest/**"), path("/actuator/**")))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(path("/actuator/health"), path("/actuator/health/**")).permitAll()
                        .requestMatchers(path("/actuator/**")).hasAuthority("camunda-admin")
                        .anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint(signInAgainOrBasic(json)))
                // the session is Camunda's: a call it authenticates must not give it a new id, or Cockpit's calls sent
                // beside it with the old one find no session ("session expired")
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS)
                        .sessionFixation(fixation -> fixation.none()))
                .csrf(csrf -> csrf.disable())
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain webappSecurity(HttpSecurity http) throws Exception {
        return http
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                // Camunda's webapps run their own CSRF prevention filter; two would fight over the token
                .csrf(csrf -> csrf.disable())
                .build();
    }

    /**
     * Unauthenticated: a webapp page's call (it carries the session's CSRF token) hears that its session is gone,
     * without the Basic challenge that would make the browser ask for a password over Cockpit; any other caller gets
     * the challenge.
     */
    private static AuthenticationEntryPoint signInAgainOrBasic(ObjectMapper json) {
        BasicAuthenticationEntryPoint basic = new BasicAuthenticationEntryPoint();
        basic.setRealmName("Gatehouse");
        return (request, response, refusal) -> {
            if (request.getHeader(CsrfConstants.CSRF_TOKEN_HEADER_NAME) != null) {
                ProblemResponses.write(json, request, response, HttpStatus.UNAUTHORIZED,
                        "The webapps' session has ended: sign in again", null);
            } else {
                basic.commence(request, response, refusal);
            }
        };
    }

    private static RequestMatcher path(String pattern) {
        return PathPatternRequestMatcher.withDefaults().matcher(pattern);
    }

    /** A route a feature opens to the webapps' session: {@code /api/x/**}, or one method's, {@code GET /api/x}. */
    private static RequestMatcher route(String pattern) {
        int space = pattern.indexOf(' ');
        return space < 0 ? path(pattern) : PathPatternRequestMatcher.withDefaults()
                .matcher(HttpMethod.valueOf(pattern.substring(0, space)), pattern.substring(space + 1));
    }

    /**
     * Hands the user Spring Security authenticated to the engine, with their groups, so that Camunda's authorization
     * checks apply to every engine REST call.
     */
    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
        var registration = new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.setName("engine-rest-authentication");
        registration.addUrlPatterns("/engine-rest/*");
        registration.addInitParameter("authentication-provider", SpringSecurityEngineAuthentication.class.getName());
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
        return registration;
    }
}
