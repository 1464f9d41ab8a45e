package org.gatehouse.access;

/**
 * An offboarding's lifecycle (A10). {@link #mayBecome} is its table of transitions: every status change names the
 * status it leaves and is refused unless this table leads from there to its target.
 */
public enum OffboardingStatus {
    AWAITING_CONFIRMATION, DISCONNECTING, DONE, REFUSED,
    /** Nobody confirmed or refused in time (the model's {@code confirmWithin}): nothing was disconnected. */
    EXPIRED,
    /** Called off while it awaited the confirmation, by the admin who asked or a workspace admin. */
    CANCELLED;

    public boolean mayBecome(OffboardingStatus next) {
        return switch (this) {
            case AWAITING_CONFIRMATION -> next == DISCONNECTING || next == REFUSED || next == EXPIRED
                    || next == CANCELLED;
            case DISCONNECTING -> next == DONE;
            case DONE, REFUSED, EXPIRED, CANCELLED -> false;
        };
    }

    /** Under way: a second offboarding of the same partner is refused meanwhile. */
    public boolean open() {
        return this == AWAITING_CONFIRMATION || this == DISCONNECTING;
    }
}
