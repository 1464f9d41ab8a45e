package org.gatehouse.platform;

import java.time.Duration;

/**
 * An outside service that refused a call for now and said when to ask again (HTTP 429 with {@code Retry-After}).
 * Thrown from a step behind an async continuation, it fails the job like any failure (a retry is spent), and the
 * engine tries again after {@link #retryAfter()} rather than after the model's retry cycle ({@link RetryAfterJobs}).
 */
public class RetryAfterException extends RuntimeException {

    private final Duration retryAfter;

    public RetryAfterException(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
