package org.gatehouse.platform;

import java.util.Locale;

/**
 * The one form in which Gatehouse keeps and compares e-mail addresses: without surrounding spaces, in lower case.
 * The local part is case-sensitive in theory, never in the mail systems people use; one address, one person.
 */
public final class EmailAddresses {

    private EmailAddresses() {
    }

    /** The address in its kept form; null stays null. */
    public static String normalise(String address) {
        return address == null ? null : address.strip().toLowerCase(Locale.ROOT);
    }
}
