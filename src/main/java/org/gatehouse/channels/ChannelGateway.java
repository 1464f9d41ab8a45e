package org.gatehouse.channels;

import java.util.List;

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

    /**
     * A9, for the nightly reconciliation: every outside organisation the host is connected with on the platform now.
     * A read, safe to repeat.
     */
    List<PlatformOrganisation> connectedOrganisations();

    void rename(Channel channel, String newName);

    void archive(Channel channel);

    /** A direct message to a member (their user id); e-mail goes through {@link MailSender}. */
    void sendMessage(String recipient, String text);

    /**
     * Whether the platform invites the partner itself (Slack Connect), with {@link #invite}, instead of Gatehouse's
     * link; its invitation then needs the channel to exist before anyone approved. The local platform has none.
     */
    default boolean invitesItself() {
        return false;
    }

    /**
     * A5 on a platform that {@link #invitesItself}: invites {@code email}, the partner's contact, to the channel and
     * answers the platform's id of the invitation, which names it in everything the platform says about it after. Sent
     * once: a repeat answers the same id.
     */
    default String invite(Channel channel, String email) {
        throw new UnsupportedOperationException("This chat platform has no invitations of its own: Gatehouse's link goes");
    }

    /**
     * Whether {@link #connect} connects the channel at once. Where it does not (Slack Connect: Gatehouse approves the
     * invitation), the platform confirms the connection later and the request is connected only then.
     */
    default boolean confirmsAtOnce() {
        return true;
    }

    /** Declines the platform's invitation of a request that came to nothing; nothing left to decline is no error. */
    default void declineInvitation(Channel channel) {
    }

    /**
     * A channel made for a request that came to nothing: archived where the platform created it for Gatehouse, left
     * as it is where Gatehouse found it there. Answers whether it was archived.
     */
    default boolean discard(Channel channel) {
        archive(channel);
        return true;
    }

    /**
     * Whether {@link #disconnect} removes the partner itself. Where it cannot (Slack without Enterprise Grid), a
     * workspace admin does it on the platform, and the platform says when it is done.
     */
    default boolean disconnectsItself() {
        return true;
    }

    /**
     * Whether a direct message reaches {@code person} on the platform, so that they are told there rather than by
     * e-mail. The local platform reaches nobody: it only stands in for those who have no address.
     */
    default boolean reaches(Person person) {
        return false;
    }
}
