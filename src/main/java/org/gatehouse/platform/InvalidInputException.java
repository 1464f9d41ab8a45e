package org.gatehouse.platform;

/**
 * Bad input from a user: answered as problem+json naming the field, and thrown before anything is changed
 * (or inside the transaction that it rolls back).
 */
public class InvalidInputException extends RuntimeException {

    private final String field;

    public InvalidInputException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
