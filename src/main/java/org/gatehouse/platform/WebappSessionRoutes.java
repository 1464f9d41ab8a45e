package org.gatehouse.platform;

import java.util.List;

/**
 * Routes of Gatehouse's API that a feature opens to the session of Camunda's webapps, beside HTTP Basic, for a plugin
 * that a webapp loads: the signed-in user, with their groups read again on every call, and Camunda's CSRF token in the
 * {@code X-XSRF-TOKEN} header on every call, reads included ({@link WebappSessionAuthenticationFilter}). A feature
 * declares its own as a bean; every other route takes HTTP Basic alone.
 *
 * @param patterns path patterns, as Spring MVC writes them ({@code /api/audit/**}), each for every method of its
 *                 routes, or for one where it starts with that method ({@code GET /api/directory/imports})
 */
public record WebappSessionRoutes(List<String> patterns) {

    public WebappSessionRoutes {
        if (patterns.isEmpty()) {
            throw new IllegalArgumentException("Name at least one route the webapp session opens");
        }
        patterns = List.copyOf(patterns);
    }

    public WebappSessionRoutes(String... patterns) {
        this(List.of(patterns));
    }
}
