package org.gatehouse.platform;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * The headers of the {@link LinkPage}s. Their URL holds a credential, so: nothing may load or run (a page's own inline
 * style alone, by hash, which {@link LinkPages} adds to the policy of the page it writes), forms post back to
 * Gatehouse only, no other site may frame the page, nothing is sniffed, cached or sent on as a referrer.
 */
class LinkPageHeaders implements HandlerInterceptor {

    static final String POLICY_HEADER = "Content-Security-Policy";

    static String policy(String styleSources) {
        return "default-src 'none'; style-src " + styleSources + "; form-action 'self'; frame-ancestors 'none'; "
                + "base-uri 'none'";
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (handler instanceof HandlerMethod method && method.getBeanType().isAnnotationPresent(LinkPage.class)) {
            response.setHeader(POLICY_HEADER, policy("'none'"));
            response.setHeader("X-Content-Type-Options", "nosniff");
            response.setHeader("X-Frame-Options", "DENY");
            response.setHeader("Referrer-Policy", "no-referrer");
            response.setHeader("Cache-Control", "no-store");
        }
        return true;
    }
}
