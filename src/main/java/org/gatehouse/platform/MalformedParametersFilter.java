package org.gatehouse.platform;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Tomcat drops a parameter it cannot decode ({@code ?status=%zz}) and carries on, so the call would run as if the
 * parameter had not been given: it is refused instead, with 400 problem+json.
 */
class MalformedParametersFilter extends OncePerRequestFilter {

    /** Where Tomcat notes that parsing the parameters failed ({@code org.apache.catalina.Globals}). */
    private static final String PARSE_FAILED = "org.apache.catalina.parameter_parse_failed";

    private final ObjectMapper json;

    MalformedParametersFilter(ObjectMapper json) {
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        request.getParameterNames();
        if (request.getAttribute(PARSE_FAILED) != null) {
            ProblemResponses.write(json, request, response, HttpStatus.BAD_REQUEST, "The request's parameters are malformed",
                    Map.of("field", "query", "message", "is not valid percent-encoding"));
            return;
        }
        chain.doFilter(request, response);
    }
}
