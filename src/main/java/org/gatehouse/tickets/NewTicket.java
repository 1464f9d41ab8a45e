package org.gatehouse.tickets;

/**
 * A ticket as the intake hands it over, whatever the channel.
 *
 * @param requesterId      the requester in the directory, or null for an outside sender turned into a requester (C10)
 * @param requesterAddress where answers go: the user id for chat and the API, the address for e-mail
 * @param createdBy        the requester, or the expert who files it for them
 * @param origin           the stored inbound message it comes from, and its id on its channel
 */
public record NewTicket(String subject, String body, String category, ContactChannel channel, String requesterId,
        String requesterAddress, String requesterName, String createdBy, Origin origin) {
}
