package org.gatehouse.access;

import java.time.LocalDateTime;

/** One line of a request's timeline: who did what, and when. */
public record AccessRequestEvent(LocalDateTime at, String actor, String action, String detail) {
}
