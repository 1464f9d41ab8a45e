package org.gatehouse.platform;

/** The request is well-formed but clashes with the current state (a duplicate, a step that is over): 409. */
public class ConflictException extends InvalidInputException {

    public ConflictException(String field, String message) {
        super(field, message);
    }
}
