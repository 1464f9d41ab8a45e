package org.gatehouse.slack;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.slack.api.methods.response.conversations.ConversationsListResponse;
import com.slack.api.methods.response.team.external_teams.TeamExternalTeamsListResponse;
import com.slack.api.model.ResponseMetadata;
import com.slack.api.model.Conversation;
import com.slack.api.model.ConversationType;

import org.gatehouse.channels.Channel;
import org.gatehouse.channels.ChannelGateway;
import org.gatehouse.channels.PlatformOrganisation;
import org.gatehouse.directory.Organisation;
import org.gatehouse.directory.OrganisationService;
import org.gatehouse.directory.Person;
import org.gatehouse.directory.PersonService;
import org.gatehouse.directory.Workspace;
import org.gatehouse.slack.SlackChannels.SlackChannel;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The chat platform is Slack ({@code gatehouse.channels.gateway=slack}), through its Web API. Every call is safe to
 * repeat, as the gateway's callers need: a channel is created once and found by name when it exists (the bot joins
 * it), the house-rules note and the Slack Connect invitation are recorded when sent and not sent again, and Slack's
 * answers that something is done already ({@code already_pinned}, {@code already_archived}, a channel no longer
 * shared) count as done.
 */
@Component
@ConditionalOnProperty(name = SlackProperties.GATEWAY_SETTING, havingValue = SlackProperties.GATEWAY)
public class SlackChannelGateway implements ChannelGateway {

    /** Slack's limit on a channel's topic. */
    private static final int TOPIC_LENGTH = 250;
    private static final int PAGE = 200;

    private final SlackWebApi web;
    private final SlackChannels channels;
    private final OrganisationService organisations;
    private final PersonService people;
    private final SlackConnect slackConnect;

    SlackChannelGateway(SlackWebApi web, SlackChannels channels, OrganisationService organisations, PersonService people,
            SlackConnect slackConnect) {
        this.web = web;
        this.channels = channels;
        this.organisations = organisations;
        this.people = people;
        this.slackConnect = slackConnect;
    }

    @Override
    public void createChannel(Channel channel) {
        if (channels.find(channel.id()).isPresent()) {
            return;
        }
        String slackId;
        boolean created = true;
        try {
            slackId = web.bot("conversations.create", c -> c.conversationsCreate(r -> r.name(channel.name())
                    .teamId(teamOf(channel)))).getChannel().getId();
        } catch (SlackRefusedException e) {
            if (!e.is("name_taken")) {
                throw e;
            }
            slackId = joinExisting(channel);
            created = false;
        }
        channels.record(channel.id(), slackId, created);
    }

    /** Slack Connect invites the partner itself: Slack's invitation replaces Gatehouse's link. */
    @Override
    public boolean invitesItself() {
        return true;
    }

    /** A5: the Slack Connect invitation to the partner's contact, once; they name the channel on their side (A6). */
    @Override
    public String invite(Channel channel, String email) {
        return slackConnect.invite(channel.id(), slackId(channel), email);
    }

    /** A5: both admins approved, so Gatehouse approves the invitation; Slack confirms the connection after. */
    @Override
    public void connect(Channel channel, String partnerOrganisation, String partnerChannelName, String partnerAdminEmail) {
        slackConnect.approve(channel.id());
    }

    @Override
    public boolean confirmsAtOnce() {
        return false;
    }

    @Override
    public void declineInvitation(Channel channel) {
        slackConnect.decline(channel.id());
    }

    /** Only a channel Gatehouse created in Slack is archived: one it found there is someone else's. */
    @Override
    public boolean discard(Channel channel) {
        if (!channels.find(channel.id()).map(SlackChannel::created).orElse(false)) {
            return false;
        }
        archive(channel);
        return true;
    }

    /** {@code admin.conversations.disconnectShared} is Enterprise Grid's (gatehouse.slack.enterprise-grid). */
    @Override
    public boolean disconnectsItself() {
        return slackConnect.enterpriseGrid();
    }

    /** A8: the note, posted once and pinned; A11: the topic names the partner. */
    @Override
    public void pin(Channel channel, String note) {
        String slackId = slackId(channel);
        String digest = digest(note);
        SlackChannel known = channels.find(channel.id()).orElseThrow();
        String ts = known.noteTs();
        if (ts == null || !digest.equals(known.noteDigest())) {
            ts = web.post(slackId, null, note);
            channels.notePosted(channel.id(), ts, digest);
        }
        String noteTs = ts;
        try {
            web.bot("pins.add", c -> c.pinsAdd(r -> r.channel(slackId).timestamp(noteTs)));
        } catch (SlackRefusedException e) {
            if (!e.is("already_pinned")) {
                throw e;
            }
        }
        if (channel.partnerId() != null) {
            String topic = clip("Shared with " + organisations.get(channel.partnerId()).name()
                    + ": everyone there reads what is posted here");
            web.bot("conversations.setTopic", c -> c.conversationsSetTopic(r -> r.channel(slackId).topic(topic)));
        }
    }

    /** A10: needs Enterprise Grid and the org admin's token; without them the refusal says what a person must do. */
    @Override
    public void disconnect(Channel channel) {
        String slackId = slackId(channel);
        if (channel.shared()) {
            channels.sharedWith(channel.id(), channel.partnerId());
        }
        try {
            web.admin("admin.conversations.disconnectShared", c -> c.adminConversationsDisconnectShared(r -> r
                    .channelId(slackId)));
        } catch (SlackRefusedException e) {
            if (!e.is("no_teams_to_disconnect")) {
                throw e;
            }
        }
    }

    /**
     * A10 with direct messages disabled: Slack Connect's connection with each of the partner's teams ends
     * ({@code team.externalTeams.disconnect}); a team already disconnected is done.
     */
    @Override
    public void endConnection(Organisation partner) {
        for (String team : channels.partnerTeams(partner.id())) {
            try {
                web.bot("team.externalTeams.disconnect", c -> c.teamExternalTeamsDisconnect(r -> r.targetTeam(team)));
            } catch (SlackRefusedException e) {
                if (!e.is("team_not_found")) {
                    throw e;
                }
            }
        }
    }

    /**
     * A9: Slack Connect's connected organisations ({@code team.externalTeams.list}, Enterprise Grid, the bot's
     * {@code team:read}), page by page as Slack's cursor leads; each with the channels Gatehouse invited it to and it
     * accepted.
     */
    @Override
    public List<PlatformOrganisation> connectedOrganisations() {
        List<PlatformOrganisation> connected = new ArrayList<>();
        Set<String> followed = new HashSet<>();
        String cursor = null;
        do {
            Map<String, String> form = new LinkedHashMap<>();
            form.put("connection_status_filter", "CONNECTED");
            form.put("limit", String.valueOf(PAGE));
            if (cursor != null) {
                form.put("cursor", cursor);
            }
            TeamExternalTeamsListResponse listed = web.botForm("team.externalTeams.list", form,
                    TeamExternalTeamsListResponse.class);
            for (var team : listed.getOrganizations()) {
                connected.add(new PlatformOrganisation(team.getTeamId(), team.getTeamName(),
                        count(team.getPublicChannelCount()) + count(team.getPrivateChannelCount()),
                        channels.acceptedBy(team.getTeamId())));
            }
            cursor = nextCursor(listed.getResponseMetadata());
            if (cursor != null && !followed.add(cursor)) {
                throw new IllegalStateException("Slack answered team.externalTeams.list with the cursor " + cursor
                        + " a second time: its pages lead round in a circle");
            }
        } while (cursor != null);
        return connected;
    }

    private static int count(Integer channels) {
        return channels == null ? 0 : channels;
    }

    @Override
    public void rename(Channel channel, String newName) {
        String slackId = slackId(channel);
        web.bot("conversations.rename", c -> c.conversationsRename(r -> r.channel(slackId).name(newName)));
    }

    @Override
    public void archive(Channel channel) {
        String slackId = slackId(channel);
        try {
            web.bot("conversations.archive", c -> c.conversationsArchive(r -> r.channel(slackId)));
        } catch (SlackRefusedException e) {
            if (!e.is("already_archived")) {
                throw e;
            }
        }
    }

    /** A direct message from the app to a directory person with a Slack account. */
    @Override
    public void sendMessage(String recipient, String text) {
        String slackUser = people.find(recipient).map(Person::slackUserId).filter(id -> !id.isBlank())
                .orElseThrow(() -> new IllegalStateException(recipient + " has no Slack account in the directory: "
                        + "import the workspace's members (POST /api/directory/imports) to reach them on Slack"));
        web.post(web.directMessageWith(slackUser), null, text);
    }

    @Override
    public boolean reaches(Person person) {
        return person.slackUserId() != null && !person.slackUserId().isBlank();
    }

    /** The channel's Slack id, as recorded; a channel Gatehouse did not create in Slack is found by name and joined. */
    private String slackId(Channel channel) {
        return channels.find(channel.id()).map(SlackChannel::slackChannelId).orElseGet(() -> {
            String slackId = joinExisting(channel);
            channels.record(channel.id(), slackId, false);
            return slackId;
        });
    }

    /** Slack lists a private channel only to its members: one the bot is not in cannot be found, so it must be invited. */
    private String joinExisting(Channel channel) {
        Conversation found = findByName(channel).orElseThrow(() -> new IllegalStateException("#" + channel.name()
                + " exists in Slack, but Gatehouse's app cannot see it: it is a private channel (or an archived one). "
                + "Invite the app to it in Slack (/invite @Gatehouse in #" + channel.name() + "), then retry"));
        if (!found.isMember()) {
            web.bot("conversations.join", c -> c.conversationsJoin(r -> r.channel(found.getId())));
        }
        return found.getId();
    }

    private Optional<Conversation> findByName(Channel channel) {
        String team = teamOf(channel);
        String cursor = null;
        do {
            String page = cursor;
            ConversationsListResponse listed = web.bot("conversations.list", c -> c.conversationsList(r -> r
                    .types(List.of(ConversationType.PUBLIC_CHANNEL, ConversationType.PRIVATE_CHANNEL))
                    .excludeArchived(true).limit(PAGE).cursor(page).teamId(team)));
            Optional<Conversation> hit = listed.getChannels().stream().filter(c -> channel.name().equals(c.getName()))
                    .findFirst();
            if (hit.isPresent()) {
                return hit;
            }
            cursor = nextCursor(listed.getResponseMetadata());
        } while (cursor != null);
        return Optional.empty();
    }

    /** Slack's next page, or null where it gives none (no metadata, or an empty cursor). */
    private static String nextCursor(ResponseMetadata metadata) {
        String next = metadata == null ? null : metadata.getNextCursor();
        return next == null || next.isEmpty() ? null : next;
    }

    /** The Slack workspace a channel belongs to, which Slack needs only where the token spans an organisation (Grid). */
    private String teamOf(Channel channel) {
        return organisations.findWorkspace(channel.workspaceId()).map(Workspace::slackTeamId).orElse(null);
    }

    private static String clip(String text) {
        return text.length() <= TOPIC_LENGTH ? text : text.substring(0, TOPIC_LENGTH - 1) + "…";
    }

    private static String digest(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
