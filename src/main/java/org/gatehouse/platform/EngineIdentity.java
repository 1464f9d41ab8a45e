package org.gatehouse.platform;

import java.io.IOException;
import java.util.List;
import java.util.function.Supplier;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.aopalliance.intercept.MethodInterceptor;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.aop.Advisor;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.annotation.AnnotationMatchingPointcut;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.context.annotation.Role;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The actor is the signed-in person, everywhere: the engine is told who calls Gatehouse's API (start users,
 * completions and the user operation log name them), and who wrote a message the intake handles. Gatehouse's own
 * engine calls are {@link TrustedCalls trusted}, so naming the person costs them no rights.
 */
@Component
public class EngineIdentity {

    private final IdentityService identity;

    EngineIdentity(@Lazy IdentityService identity) {
        this.identity = identity;
    }

    /** Runs {@code work} with {@code user}, and their groups, as the engine's authenticated user. */
    public <T> T as(String user, Supplier<T> work) {
        var previous = identity.getCurrentAuthentication();
        List<String> groups = TrustedCalls.run(() -> identity.createGroupQuery().groupMember(user).list())
                .stream().map(Group::getId).toList();
        identity.setAuthentication(user, groups);
        try {
            return work.get();
        } finally {
            if (previous == null) {
                identity.clearAuthentication();
            } else {
                identity.setAuthentication(previous);
            }
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Wiring {

        /** Names the API's caller to the engine for the length of the request; Spring Security has checked them. */
        @Bean
        FilterRegistrationBean<OncePerRequestFilter> apiEngineAuthentication(@Lazy IdentityService identity) {
            var registration = new FilterRegistrationBean<OncePerRequestFilter>(new OncePerRequestFilter() {
                @Override
                protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                        throws ServletException, IOException {
                    var authentication = SecurityContextHolder.getContext().getAuthentication();
                    if (authentication == null || !authentication.isAuthenticated()
                            || authentication instanceof AnonymousAuthenticationToken) {
                        chain.doFilter(request, response);
                        return;
                    }
                    identity.setAuthentication(authentication.getName(),
                            authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList());
                    try {
                        chain.doFilter(request, response);
                    } finally {
                        identity.clearAuthentication();
                    }
                }
            });
            registration.setName("api-engine-authentication");
            registration.addUrlPatterns("/api/*");
            registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
            return registration;
        }

        /** The public methods of a {@link GatehouseEngineCalls} class run as trusted calls. */
        @Bean
        @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
        static Advisor gatehouseEngineCallsAdvisor() {
            MethodInterceptor trusted = invocation -> TrustedCalls.run(() -> {
                try {
                    return invocation.proceed();
                } catch (RuntimeException | Error e) {
                    throw e;
                } catch (Throwable e) {
                    throw new IllegalStateException(e);
                }
            });
            return new DefaultPointcutAdvisor(new AnnotationMatchingPointcut(GatehouseEngineCalls.class, true), trusted);
        }
    }
}
