package org.gatehouse.teams;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.gatehouse.platform.SingleLine;

/**
 * A team as an expert creates it ({@code POST /api/teams}, {@code slug} required) or edits it ({@code PUT
 * /api/teams/{slug}}, where {@code slug} may be left out: it names the group and does not change). {@code members}
 * left out on an edit keeps the members as they are; given, it is the whole list.
 *
 * @param businessHours       {@code HH:mm-HH:mm}, in {@code timeZone}
 * @param timeZone            a time-zone id such as {@code Europe/Paris}
 * @param firstResponseTarget ISO-8601 duration: {@code PT4H}, {@code P1D}, {@code PT30M}
 * @param resolutionTarget    ISO-8601 duration, not shorter than the first-response target
 * @param lead                optional: a member, told when a ticket of the team breaches its targets
 */
public record TeamDraft(
        @Size(max = 59)
        @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*", message = "must be lower-case words joined by '-'")
        String slug,
        @NotBlank @Size(max = 200) @SingleLine String name,
        @NotBlank
        @Pattern(regexp = "\\d\\d:\\d\\d-\\d\\d:\\d\\d", message = "must be HH:mm-HH:mm, such as 09:00-17:00")
        String businessHours,
        @NotBlank @Size(max = 64) String timeZone,
        @NotBlank @Size(max = 32) String firstResponseTarget,
        @NotBlank @Size(max = 32) String resolutionTarget,
        @Size(max = 64) String lead,
        List<@NotBlank String> members) {
}
