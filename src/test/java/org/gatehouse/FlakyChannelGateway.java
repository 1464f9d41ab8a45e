package org.gatehouse;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.gatehouse.channels.Channel;
import org.gatehouse.channels.ChannelGateway;
import org.gatehouse.channels.LocalChannelGateway;
import org.gatehouse.channels.PlatformOrganisation;
import org.gatehouse.directory.Organisation;
import org.gatehouse.directory.Person;

/**
 * The real local gateway, made to fail its next {@code connect} calls, or the next disconnections of one channel, on
 * demand: how a test shows that a platform outage becomes retries and then an incident, and that nothing is lost. A
 * test may also put another platform in the local one's place ({@link #use}), such as the Slack gateway against the
 * tests' Slack, so that the shared context's processes call that one; {@link #useLocal} puts the local one back.
 */
public class FlakyChannelGateway implements ChannelGateway {

    private final LocalChannelGateway local;
    private volatile ChannelGateway delegate;
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private final Map<String, AtomicInteger> disconnectFailuresLeft = new ConcurrentHashMap<>();

    public FlakyChannelGateway(LocalChannelGateway local) {
        this.local = local;
        this.delegate = local;
    }

    public void failNextConnects(int times) {
        failuresLeft.set(times);
    }

    /** The next {@code times} disconnections of this channel fail; other channels are not affected. */
    public void failNextDisconnects(String channelId, int times) {
        disconnectFailuresLeft.put(channelId, new AtomicInteger(times));
    }

    public void heal() {
        failuresLeft.set(0);
        disconnectFailuresLeft.clear();
    }

    public void use(ChannelGateway other) {
        delegate = other;
    }

    public void useLocal() {
        delegate = local;
    }

    @Override
    public void connect(Channel channel, String partnerOrganisation, String partnerChannelName, String partnerAdminEmail) {
        if (failuresLeft.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0) {
            throw new IllegalStateException("The chat platform is unavailable");
        }
        delegate.connect(channel, partnerOrganisation, partnerChannelName, partnerAdminEmail);
    }

    @Override
    public void createChannel(Channel channel) {
        delegate.createChannel(channel);
    }

    @Override
    public void pin(Channel channel, String note) {
        delegate.pin(channel, note);
    }

    @Override
    public void disconnect(Channel channel) {
        AtomicInteger left = disconnectFailuresLeft.get(channel.id());
        if (left != null && left.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0) {
            throw new IllegalStateException("The chat platform is unavailable");
        }
        delegate.disconnect(channel);
    }

    @Override
    public void endConnection(Organisation partner) {
        delegate.endConnection(partner);
    }

    @Override
    public List<PlatformOrganisation> connectedOrganisations() {
        return delegate.connectedOrganisations();
    }

    @Override
    public void rename(Channel channel, String newName) {
        delegate.rename(channel, newName);
    }

    @Override
    public void archive(Channel channel) {
        delegate.archive(channel);
    }

    @Override
    public void sendMessage(String recipient, String text) {
        delegate.sendMessage(recipient, text);
    }

    @Override
    public boolean reaches(Person person) {
        return delegate.reaches(person);
    }

    @Override
    public boolean invitesItself() {
        return delegate.invitesItself();
    }

    @Override
    public String invite(Channel channel, String email) {
        return delegate.invite(channel, email);
    }

    @Override
    public boolean confirmsAtOnce() {
        return delegate.confirmsAtOnce();
    }

    @Override
    public void declineInvitation(Channel channel) {
        delegate.declineInvitation(channel);
    }

    @Override
    public boolean discard(Channel channel) {
        return delegate.discard(channel);
    }

    @Override
    public boolean disconnectsItself() {
        return delegate.disconnectsItself();
    }
}
