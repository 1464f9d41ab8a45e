package org.gatehouse.access;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.gatehouse.platform.SingleLine;

/** The partner admin's answer to the invitation: who approves, and the name their side gives the channel (A6). */
public record PartnerAcceptance(
        @NotBlank @Size(max = 200) @SingleLine String adminName,
        @NotBlank @Email @Size(max = 254) String adminEmail,
        @NotBlank @Size(max = 80) @SingleLine
        @Pattern(regexp = "[a-z0-9][a-z0-9_-]*", message = "must be a channel name: lower-case letters, digits, '-' and '_'")
        String channelName) {
}
