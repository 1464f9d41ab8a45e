package org.gatehouse.platform;

import java.io.ByteArrayInputStream;
import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a request body over its {@link BodyLimits limit} with 413 problem+json, before Gatehouse or the engine
 * reads any of it: a declared Content-Length is checked at once (the servlet container then reads no further than it
 * says), a chunked body is counted while it is read, up to one byte past the limit, and handed on from memory.
 */
class BodyLimitFilter extends OncePerRequestFilter {

    private final BodyLimits limits;
    private final ObjectMapper json;

    BodyLimitFilter(BodyLimits limits, ObjectMapper json) {
        this.limits = limits;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long limit = limits.limitFor(request.getRequestURI().substring(request.getContextPath().length()));
        long declared = request.getContentLengthLong();
        if (declared > limit) {
            refuse(request, response, limit);
            return;
        }
        if (declared < 0 && request.getHeader("Transfer-Encoding") != null) {
            byte[] body = request.getInputStream().readNBytes((int) limit + 1);
            if (body.length > limit) {
                refuse(request, response, limit);
                return;
            }
            chain.doFilter(new ReplayedBody(request, new ByteArrayInputStream(body), body.length), response);
            return;
        }
        chain.doFilter(request, response);
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, long limit) throws IOException {
        // the rest of the body is not read: the connection cannot carry another request
        response.setHeader("Connection", "close");
        ProblemResponses.write(json, request, response, HttpStatus.PAYLOAD_TOO_LARGE,
                "The request body is larger than the " + DataSize.ofBytes(limit).toKilobytes() + " KB accepted here", null);
    }
}
