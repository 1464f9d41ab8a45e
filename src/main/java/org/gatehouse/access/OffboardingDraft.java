package org.gatehouse.access;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * What an admin asks when ending a partnership (A10): whether direct messages with the partner's people stay open
 * (the default, as the seed says) and why it ends.
 */
public record OffboardingDraft(Boolean keepDirectMessages, @NotBlank @Size(max = 500) String reason) {

    boolean keepsDirectMessages() {
        return keepDirectMessages == null || keepDirectMessages;
    }
}
