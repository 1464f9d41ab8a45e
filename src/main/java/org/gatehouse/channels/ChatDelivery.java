package org.gatehouse.channels;

import java.time.LocalDateTime;

/** One thing the local chat platform carried out or delivered. */
public record ChatDelivery(long id, String kind, String target, String body, LocalDateTime sentAt) {
}
