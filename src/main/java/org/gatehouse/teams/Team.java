package org.gatehouse.teams;

import java.time.LocalDateTime;

/**
 * A team of experts (C8). It is the Camunda group {@code team-<slug>}: a task for the team names that group as its
 * candidate group, and who belongs to it is the directory's role {@code team-<slug>}. Targets are ISO-8601 durations;
 * the lead, one of its members, is told when a ticket breaches them.
 */
public record Team(
        String slug,
        String name,
        String businessHours,
        String timeZone,
        String firstResponseTarget,
        String resolutionTarget,
        String lead,
        String createdBy,
        LocalDateTime createdAt,
        String updatedBy,
        LocalDateTime updatedAt) {

    public static final String GROUP_PREFIX = "team-";

    /**
     * Versions of a team, its slug as subject: its settings and members ({@code name}, {@code businessHours},
     * {@code timeZone}, {@code firstResponseTarget}, {@code resolutionTarget}, {@code lead}, {@code members} sorted),
     * not who edited it last.
     */
    public static final String VERSION_KIND = "teams";

    public String group() {
        return groupOf(slug);
    }

    public static String groupOf(String slug) {
        return GROUP_PREFIX + slug;
    }
}
