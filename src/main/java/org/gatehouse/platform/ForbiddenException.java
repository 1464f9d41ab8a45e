package org.gatehouse.platform;

/** The caller is known but may not do this (four eyes, someone else's request): 403. */
public class ForbiddenException extends RuntimeException {

    public ForbiddenException(String message) {
        super(message);
    }
}
