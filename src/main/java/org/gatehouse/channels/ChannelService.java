package org.gatehouse.channels;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.gatehouse.directory.Organisation;
import org.gatehouse.directory.OrganisationService;
import org.gatehouse.platform.ConflictException;
import org.gatehouse.platform.ForbiddenException;
import org.gatehouse.platform.InvalidInputException;
import org.gatehouse.platform.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The host's channels and their sharing with outside organisations; every platform effect goes through the gateway. */
@Service
public class ChannelService {

    private final ChannelRepository channels;
    private final ChannelGateway gateway;
    private final OrganisationService organisations;
    private final HouseRules houseRules;
    private final SharingPolicyService policy;
    private final Clock clock;

    ChannelService(ChannelRepository channels, ChannelGateway gateway, OrganisationService organisations,
            HouseRules houseRules, SharingPolicyService policy, Clock clock) {
        this.policy = policy;
        this.channels = channels;
        this.gateway = gateway;
        this.organisations = organisations;
        this.houseRules = houseRules;
        this.clock = clock;
    }

    public Optional<Channel> find(String workspaceId, String name) {
        return channels.findByName(workspaceId, name);
    }

    public Channel get(String channelId) {
        return channels.findById(channelId).orElseThrow(() -> new NotFoundException("There is no channel " + channelId));
    }

    @Transactional
    public Channel create(String workspaceId, String name) {
        return create(UUID.randomUUID().toString(), workspaceId, name);
    }

    /**
     * A channel with an id the caller chose: a step that is retried after the platform made the channel asks for the
     * same id again, under which the platform's gateway finds what it did.
     */
    private Channel create(String id, String workspaceId, String name) {
        var channel = new Channel(id, workspaceId, name, null, null, null, null, null);
        channels.insert(channel, LocalDateTime.now(clock));
        gateway.createChannel(channel);
        return channel;
    }

    /** The platform invites the partner itself (Slack Connect) instead of Gatehouse's link. */
    public boolean platformInvites() {
        return gateway.invitesItself();
    }

    /**
     * A5 where the platform invites the partner itself: the channel, created now under {@code newChannelId} if the
     * workspace has none of that name, and the platform's invitation of {@code contactEmail} to it. Safe to repeat.
     */
    @Transactional
    public PlatformInvitation inviteOnPlatform(String workspaceId, String channelName, String newChannelId,
            String contactEmail) {
        Optional<Channel> existing = find(workspaceId, channelName);
        Channel channel = existing.orElseGet(() -> create(newChannelId, workspaceId, channelName));
        if (channel.archived()) {
            throw new IllegalStateException("#" + channelName + " is archived: nobody can be invited to it");
        }
        return new PlatformInvitation(channel, existing.isEmpty(), gateway.invite(channel, contactEmail));
    }

    /** The channel the platform invited to, whether it was created for the invitation, and the invitation's id. */
    public record PlatformInvitation(Channel channel, boolean created, String invitationId) {
    }

    /**
     * Shares the channel (created first if the request asked for a new one) with the partner. Safe to repeat: a retry
     * finds it shared with the same partner and only asks the platform again. A platform that confirms later (Slack
     * Connect) leaves it unshared here until {@link #confirmShared}.
     */
    @Transactional
    public Channel connect(String workspaceId, String channelName, String partnerId, String partnerChannelName,
            String requester, SharingApprovals approvals) {
        if (!approvals.complete()) {
            throw new IllegalStateException("#" + channelName + " is shared only with an admin's approval on each side");
        }
        Organisation partner = organisations.get(partnerId);
        Channel channel = find(workspaceId, channelName).orElseGet(() -> create(workspaceId, channelName));
        if (channel.shared() && !channel.partnerId().equals(partnerId)) {
            throw new IllegalStateException("Channel " + channel.id() + " is already shared with " + channel.partnerId());
        }
        gateway.connect(channel, partner.name(), theirName(channelName, partnerChannelName), approvals.partnerApprover());
        if (gateway.confirmsAtOnce()) {
            recordShared(channel, partnerId, partnerChannelName, requester);
        }
        return get(channel.id());
    }

    /**
     * The platform confirmed that the channel {@link #connect} asked for is shared (Slack's event): it is recorded as
     * shared from now on. Safe to repeat.
     */
    @Transactional
    public Channel confirmShared(String channelId, String partnerId, String partnerChannelName, String requester) {
        Channel channel = get(channelId);
        if (channel.shared() && !channel.partnerId().equals(partnerId)) {
            throw new IllegalStateException("Channel " + channel.id() + " is already shared with " + channel.partnerId());
        }
        recordShared(channel, partnerId, partnerChannelName, requester);
        return get(channelId);
    }

    private void recordShared(Channel channel, String partnerId, String partnerChannelName, String requester) {
        if (!channel.shared()) {
            channels.share(channel.id(), partnerId, theirName(channel.name(), partnerChannelName), LocalDateTime.now(clock));
        }
        if (requester != null && !channels.isMember(channel.id(), requester)) {
            channels.addMember(channel.id(), new ChannelMember(requester, organisations.host().id(), requester,
                    LocalDateTime.now(clock)));
        }
    }

    private static String theirName(String channelName, String partnerChannelName) {
        return partnerChannelName == null || partnerChannelName.isBlank() ? channelName : partnerChannelName;
    }

    /**
     * A sharing that came to nothing (rejected, expired): the platform's invitation is declined, and a channel made
     * for it ({@code createdForIt}) is archived where the platform created it, here too. Safe to repeat.
     */
    @Transactional
    public void abandon(String channelId, boolean createdForIt) {
        Channel channel = get(channelId);
        gateway.declineInvitation(channel);
        if (createdForIt && !channel.archived() && !channel.shared() && gateway.discard(channel)) {
            channels.archive(channelId, LocalDateTime.now(clock));
        }
    }

    /** Renders the house rules for this channel's two organisations and pins them (A8). */
    @Transactional
    public String pinHouseRules(String channelId, String template) {
        Channel channel = get(channelId);
        if (!channel.shared()) {
            throw new IllegalStateException("Channel " + channelId + " is not shared: nothing to pin the house rules for");
        }
        String note = houseRules.render(template, organisations.host(), organisations.get(channel.partnerId()),
                channel.name(), channel.partnerChannelName());
        gateway.pin(channel, note);
        channels.pin(channelId, note);
        return note;
    }

    /**
     * Stops sharing; the partner's members leave the channel, the host's stay (A10). Safe to repeat: the channel shows
     * unshared only once the platform has answered (both in one transaction), so a channel already unshared, by a
     * partnership's end or a retry, is not asked for again.
     */
    @Transactional
    public void disconnect(String channelId) {
        if (get(channelId).shared()) {
            disconnectOnPlatform(channelId);
        }
    }

    /**
     * Stops a sharing the platform holds whatever Gatehouse recorded: one the platform made without Gatehouse (an
     * approval bypassed in Slack) is not recorded as shared, yet must end. Safe to repeat.
     */
    @Transactional
    public void disconnectOnPlatform(String channelId) {
        gateway.disconnect(get(channelId));
        recordUnshared(channelId);
    }

    /** Whether {@link #disconnect} stops the sharing on the platform, or a workspace admin must (Slack without Grid). */
    public boolean platformDisconnects() {
        return gateway.disconnectsItself();
    }

    /** The channel is no longer shared on the platform, whoever stopped it: recorded so. Safe to repeat. */
    @Transactional
    public void recordUnshared(String channelId) {
        Channel channel = get(channelId);
        if (channel.shared()) {
            channels.removeMembersOf(channelId, channel.partnerId());
            channels.unshare(channelId);
        }
    }

    /** A10 with direct messages disabled: the organisations' connection on the platform ends. Safe to repeat. */
    public void endConnection(String partnerId) {
        gateway.endConnection(organisations.get(partnerId));
    }

    /** A1: renaming a channel on the host's side is "modifying" it, for whoever the policy allows. */
    @Transactional
    public ChannelView rename(String channelId, String newName, String user) {
        Channel channel = get(channelId);
        require(user, SharingPolicy.ChannelAction.MODIFY);
        if (newName == null || !newName.matches("[a-z0-9][a-z0-9_-]{0,79}")) {
            throw new InvalidInputException("name", "must be a channel name: lower-case letters, digits, '-' and '_'");
        }
        if (find(channel.workspaceId(), newName).isPresent()) {
            throw new ConflictException("name", "#" + newName + " already exists in " + channel.workspaceId());
        }
        gateway.rename(channel, newName);
        channels.rename(channelId, newName);
        return view(channelId);
    }

    /** A1: archiving, for whoever the policy allows; a shared channel is disconnected first. */
    @Transactional
    public ChannelView archive(String channelId, String user) {
        Channel channel = get(channelId);
        require(user, SharingPolicy.ChannelAction.ARCHIVE);
        if (channel.shared()) {
            throw new ConflictException("channel", "#" + channel.name() + " is shared: disconnect it before archiving it");
        }
        if (!channel.archived()) {
            gateway.archive(channel);
            channels.archive(channelId, LocalDateTime.now(clock));
        }
        return view(channelId);
    }

    private void require(String user, SharingPolicy.ChannelAction action) {
        if (!policy.may(user, action)) {
            throw new ForbiddenException("The sharing policy does not let " + user + " " + action.name().toLowerCase()
                    + " shared channels");
        }
    }

    /** A7: once connected, a member of either organisation adds colleagues of their own organisation, no admin needed. */
    @Transactional
    public ChannelView addMember(String channelId, String member, String organisationId, String addedBy) {
        Channel channel = get(channelId);
        if (!channel.shared()) {
            throw new ConflictException("channel", "The channel is not shared with an outside organisation");
        }
        String hostId = organisations.host().id();
        if (!organisationId.equals(hostId) && !organisationId.equals(channel.partnerId())) {
            throw new InvalidInputException("organisation", "Only members of " + hostId + " or " + channel.partnerId()
                    + " can join this channel");
        }
        if (!channels.isMember(channelId, addedBy)) {
            throw new ForbiddenException("Only members of the channel add colleagues to it");
        }
        String inviterOrganisation = channels.members(channelId).stream().filter(m -> m.member().equals(addedBy))
                .map(ChannelMember::organisationId).findFirst().orElseThrow();
        if (!inviterOrganisation.equals(organisationId)) {
            throw new ForbiddenException("Members add colleagues of their own organisation");
        }
        if (channels.isMember(channelId, member)) {
            throw new ConflictException("member", member + " is already in the channel");
        }
        channels.addMember(channelId, new ChannelMember(member, organisationId, addedBy, LocalDateTime.now(clock)));
        return view(channelId);
    }

    /** The partner's admin joins the channel when the partner side accepts (A5). */
    @Transactional
    public void addPartnerMember(String channelId, String member, String partnerId) {
        if (!channels.isMember(channelId, member)) {
            channels.addMember(channelId, new ChannelMember(member, partnerId, member, LocalDateTime.now(clock)));
        }
    }

    public ChannelView view(String channelId) {
        Channel c = get(channelId);
        String partnerName = c.shared() ? organisations.get(c.partnerId()).name() : null;
        return new ChannelView(c.id(), c.workspaceId(), c.name(), c.shared(), partnerName, c.partnerChannelName(),
                c.sharedSince(), c.pinnedNote(), c.archivedAt(), channels.members(channelId));
    }

    public List<Channel> sharedWith(String partnerId) {
        return channels.findSharedWith(partnerId);
    }

    /** A9: the channels shared with outside organisations, by partner. */
    /** A9: the outside organisations the platform connects the host with now (the nightly reconciliation's read). */
    public List<PlatformOrganisation> connectedOnPlatform() {
        return gateway.connectedOrganisations();
    }

    public Map<String, List<Channel>> sharedByPartner() {
        return channels.findShared().stream()
                .collect(Collectors.groupingBy(Channel::partnerId, LinkedHashMap::new, Collectors.toList()));
    }
}
