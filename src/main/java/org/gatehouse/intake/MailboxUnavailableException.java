package org.gatehouse.intake;

/** The mailbox could not be read: the server is unreachable, refuses the login, or lacks the folder. */
public class MailboxUnavailableException extends RuntimeException {

    public MailboxUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
