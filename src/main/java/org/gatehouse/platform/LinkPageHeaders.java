package org.gatehouse.platform;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * The headers of the {@link LinkPage}s. Their URL holds a credential, so: nothing but the page's own inline style
 * may load or run (a Content-Security-Policy with the styles' hashes), forms post back to Gatehouse only, no other
 * site may frame the page, nothing is sniffed, cached or sent on as a referrer.
 */
class LinkPageHeaders implements HandlerInterceptor {

    private final String policy = "default-src 'none'; style-src " + HtmlPages.styleHashes()
            + "; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (handler instanceof HandlerMethod method && method.getBeanType().isAnnotationPresent(LinkPage.class)) {
            response.setHeader("Content-Security-Policy", policy);
            response.setHeader("X-Content-Type-Options", "nosniff");
            response.setHeader("X-Frame-Options", "DENY");
            response.setHeader("Referrer-Policy", "no-referrer");
            response.setHeader("Cache-Control", "no-store");
        }
        return true;
    }
}
