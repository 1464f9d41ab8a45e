package org.gatehouse.channels;

import org.gatehouse.directory.Organisation;

/**
 * The chat platform. Every call leaves Gatehouse, so callers sit behind an async continuation with retries, and each
 * call must be safe to repeat: a retry after a failure halfway repeats it.
 */
public interface ChannelGateway {

    void createChannel(Channel channel);

    /** A5, A6: share the channel with the partner, who names it as they like on their side. */
    void connect(Channel channel, String partnerOrganisation, String partnerChannelName);

    void pin(Channel channel, String note);

    void disconnect(Channel channel);

    /**
     * A10 with direct messages disabled: the connection between the host and this outside organisation ends, so that
     * their people no longer reach each other directly; channels are disconnected one by one before.
     */
    void endConnection(Organisation partner);

    void rename(Channel channel, String newName);

    void archive(Channel channel);

    /** A direct message to a member (chat user id); e-mail goes through {@link MailSender}. */
    void sendMessage(String recipient, String text);
}
