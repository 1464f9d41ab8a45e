package org.gatehouse.platform;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/** Problem+json written by a filter, before any controller or {@link ProblemDetailsAdvice} is reached. */
final class ProblemResponses {

    private ProblemResponses() {
    }

    static void write(ObjectMapper json, HttpServletRequest request, HttpServletResponse response, HttpStatus status,
            String detail, Map<String, String> error) throws IOException {
        var problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("about:blank"));
        try {
            problem.setInstance(URI.create(request.getRequestURI()));
        } catch (IllegalArgumentException unreadablePath) {
            // the path is what was refused: the problem names no instance
        }
        if (error != null) {
            problem.setProperty("errors", List.of(error));
        }
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
