package org.gatehouse.audit;

import java.time.LocalDateTime;
import java.util.Map;

/**
 * One line of a record's trail.
 *
 * @param actor   who acted: a person's id, a partner's address, {@code gatehouse} for Gatehouse's own recorded steps;
 *                null where the engine names nobody (an automatic step)
 * @param kind    what sort of line: {@code process}, {@code activity}, {@code task}, {@code operation}, {@code decision},
 *                {@code incident}, {@code job-failure}, {@code change}, {@code message}, {@code delivery},
 *                {@code notification}
 * @param details what the line's kind knows; never a value the engine keeps of a private variable
 */
public record TrailEntry(LocalDateTime at, String actor, String kind, String what, Map<String, Object> details) {
}
