package org.gatehouse.intake;

/** Raw bytes that cannot become a request: not a readable MIME message, no sender, or too big. */
public class MalformedMailException extends RuntimeException {

    public MalformedMailException(String message) {
        super(message);
    }

    public MalformedMailException(String message, Throwable cause) {
        super(message, cause);
    }
}
