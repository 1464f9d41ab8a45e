package org.gatehouse.access;

import java.time.LocalDate;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.gatehouse.platform.SingleLine;

/** What a member fills in (A2), through the API or the Tasklist start form. */
public record AccessRequestDraft(
        @NotBlank @Size(max = 64) String workspace,
        @NotBlank @Size(max = 80) @SingleLine
        @Pattern(regexp = "[a-z0-9][a-z0-9_-]*", message = "must be a channel name: lower-case letters, digits, '-' and '_'")
        String channelName,
        @NotBlank @Size(max = 200) @SingleLine String partnerOrganisation,
        @NotBlank @Size(max = 200) @SingleLine String partnerContactName,
        @NotBlank @Email @Size(max = 254) String partnerContactEmail,
        @NotBlank @Size(max = 200) @SingleLine String projectName,
        @NotNull LocalDate endDate,
        @NotBlank @Size(max = 2000) String purpose) {
}
