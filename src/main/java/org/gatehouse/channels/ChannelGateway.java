package org.gatehouse.channels;

import org.gatehouse.directory.Organisation;
import org.gatehouse.directory.Person;

/**
 * The chat platform. Every call leaves Gatehouse, so callers sit behind an async continuation with retries, and each
 * call must be safe to repeat: a retry after a failure halfway repeats it.
 */
public interface ChannelGateway {

    void createChannel(Channel channel);

    /**
     * A5, A6: share the channel with the partner, who names it as they like on their side; {@code partnerAdminEmail}
     * is the partner's admin who accepted, whom a platform with invitations of its own invites.
     */
    void connect(Channel channel, String partnerOrganisation, String partnerChannelName, String partnerAdminEmail);

    void pin(Channel channel, String note);

    void disconnect(Channel channel);

    /**
     * A10 with direct messages disabled: the connection between the host and this outside organisation ends, so that
     * their people no longer reach each other directly; channels are disconnected one by one before.
     */
    void endConnection(Organisation partner);

    void rename(Channel channel, String newName);

    void archive(Channel channel);

    /** A direct message to a member (their user id); e-mail goes through {@link MailSender}. */
    void sendMessage(String recipient, String text);

    /**
     * Whether a direct message reaches {@code person} on the platform, so that they are told there rather than by
     * e-mail. The local platform reaches nobody: it only stands in for those who have no address.
     */
    default boolean reaches(Person person) {
        return false;
    }
}
