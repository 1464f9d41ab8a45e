package org.gatehouse.channels;

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

    void rename(Channel channel, String newName);

    void archive(Channel channel);

    /** A direct message to a member (chat user id); e-mail goes through {@link MailSender}. */
    void sendMessage(String recipient, String text);
}
