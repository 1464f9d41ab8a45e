package org.gatehouse.directory;

import java.time.LocalDateTime;

/**
 * What an outside organisation's record says once its partnership ended (A10): when, who asked, who confirmed, and
 * whether direct messages with its people stay open.
 */
public record PartnershipEnd(LocalDateTime at, String endedBy, String confirmedBy, boolean directMessagesKept) {
}
