package org.gatehouse.directory;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * One member of a chat platform's export, as the contact import checks it, whatever the platform. {@code id} is the
 * platform's user id; {@code outside} says that the member is not one of the host's own (a Slack Connect user of
 * another organisation, a guest); {@code skipped} members are not people (bots, deleted accounts) and are left out.
 * {@code line} is the member's line in a CSV file, or its position in a JSON export.
 */
record ChatContact(
        int line,
        @NotBlank @Size(max = 58)
        @Pattern(regexp = "[A-Za-z0-9]+(-[A-Za-z0-9]+)*", message = "must be letters and digits, joined by '-'")
        String id,
        @NotBlank @Email(regexp = ".+@.+\\..+") @Size(max = 254) String email,
        @NotBlank @Size(max = 100) String firstName,
        @NotNull @Size(max = 100) String lastName,
        @Size(max = 200) String position,
        String timeZone,
        boolean outside,
        boolean skipped) {

    /** A member who is not a person: counted, not imported. */
    static ChatContact skipped(int line, String id) {
        return new ChatContact(line, id, null, null, null, null, null, false, true);
    }

    /**
     * A member named by first and last name when the platform has them, else by a full name split at its last space
     * (a one-word name is a first name), else by {@code handle}.
     */
    static ChatContact of(int line, String id, String email, String firstName, String lastName, List<String> fullNames,
            String handle, String position, String timeZone, boolean outside) {
        if (firstName == null && lastName == null) {
            String full = fullNames.stream().filter(Objects::nonNull).findFirst().orElse(handle);
            if (full != null) {
                int space = full.lastIndexOf(' ');
                firstName = space < 0 ? full : full.substring(0, space).trim();
                lastName = space < 0 ? "" : full.substring(space + 1);
            }
        }
        if (firstName == null) {
            firstName = lastName;
            lastName = null;
        }
        return new ChatContact(line, id, email, firstName, lastName == null ? "" : lastName, position, timeZone, outside,
                false);
    }

    /**
     * The host's own workspace or tenant in an export, which the export does not name: the one that most of
     * {@code members} belong to (callers pass the members who are neither skipped nor outside by the platform's own
     * flags). Null when no member says.
     */
    static <M> String home(List<M> members, Function<M, String> homeOf) {
        Map<String, Long> counts = members.stream().map(homeOf).filter(Objects::nonNull)
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        // the largest count; between equal counts, the first id in alphabetical order, so that the answer is stable
        Comparator<Map.Entry<String, Long>> byCount = Map.Entry.comparingByValue();
        return counts.entrySet().stream()
                .max(byCount.thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
                .map(Map.Entry::getKey).orElse(null);
    }
}
