package org.gatehouse.tickets;

/**
 * Where a message on a ticket came from: the inbound message the intake stored, and the channel's own id for it (an
 * e-mail's Message-ID), by which an answer to it finds its ticket. Both are null for what Gatehouse writes itself.
 */
public record Origin(String inboundId, String externalId) {

    public static Origin none() {
        return new Origin(null, null);
    }
}
