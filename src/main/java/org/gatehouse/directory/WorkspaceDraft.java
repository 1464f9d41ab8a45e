package org.gatehouse.directory;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.gatehouse.platform.SingleLine;

/** A workspace of the host organisation; {@code slackTeamId} (optional) is the Slack workspace it is, {@code T…}. */
public record WorkspaceDraft(
        @NotBlank @Size(max = 64) @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*", message = "must be lower-case words joined by '-'")
        String id,
        @NotBlank @Size(max = 200) @SingleLine String name,
        @Pattern(regexp = "[TE][A-Z0-9]{2,19}", message = "must be a Slack team id, such as T024BE7LD") String slackTeamId) {
}
