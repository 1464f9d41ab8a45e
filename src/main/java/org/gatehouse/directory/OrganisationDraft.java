package org.gatehouse.directory;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.gatehouse.platform.SingleLine;

/** A new organisation as an admin sets it up: the host (once) or a partner. */
public record OrganisationDraft(
        @NotBlank @Size(max = 64) @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*", message = "must be lower-case words joined by '-'")
        String id,
        @NotBlank @Size(max = 200) @SingleLine String name,
        @NotNull Organisation.Kind kind,
        @NotBlank @Size(max = 64) String timeZone,
        @NotBlank @Pattern(regexp = "([01]\\d|2[0-3]):[0-5]\\d-([01]\\d|2[0-3]):[0-5]\\d", message = "must be HH:mm-HH:mm")
        String workingHours,
        @Size(max = 253) String emailDomain) {
}
