package org.gatehouse.channels;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.gatehouse.directory.Organisation;
import org.gatehouse.directory.OrganisationService;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The chat platform of the default set-up: it keeps what it was asked to do in {@code chat_delivery}, where an
 * operator (the H2 console or psql) and the tests read it, so Gatehouse runs end to end with nothing else installed.
 * Like a real platform it stands outside Gatehouse's transactions: what it did stays done when the caller's step
 * fails and rolls back, so a retry that sends again shows as a second delivery.
 */
@Component
@ConditionalOnProperty(name = "gatehouse.channels.gateway", havingValue = "local", matchIfMissing = true)
public class LocalChannelGateway implements ChannelGateway {

    private final JdbcClient jdbc;
    private final OrganisationService organisations;
    private final Clock clock;
    private final TransactionTemplate outside;

    LocalChannelGateway(JdbcClient jdbc, OrganisationService organisations, Clock clock,
            PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.organisations = organisations;
        this.clock = clock;
        this.outside = new TransactionTemplate(transactions);
        this.outside.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Override
    public void createChannel(Channel channel) {
        record("CREATE", channel.id(), "#" + channel.name());
    }

    @Override
    public void connect(Channel channel, String partnerOrganisation, String partnerChannelName, String partnerAdminEmail) {
        record("CONNECT", channel.id(), partnerOrganisation + " as #" + partnerChannelName);
    }

    @Override
    public void pin(Channel channel, String note) {
        record("PIN", channel.id(), note);
    }

    @Override
    public void disconnect(Channel channel) {
        record("DISCONNECT", channel.id(), "#" + channel.name());
    }

    @Override
    public void endConnection(Organisation partner) {
        record("END_CONNECTION", partner.id(), partner.name());
    }

    /**
     * The local platform connects only what Gatehouse shared, so its organisations are the partners with a channel
     * shared now; each accepted those channels.
     */
    @Override
    public List<PlatformOrganisation> connectedOrganisations() {
        Map<String, List<String>> shared = jdbc.sql("select partner_id, id from channel where partner_id is not null "
                        + "order by partner_id, id")
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2))).list().stream()
                .collect(Collectors.groupingBy(Map.Entry::getKey, TreeMap::new,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        return shared.entrySet().stream().map(partner -> new PlatformOrganisation(partner.getKey(),
                organisations.get(partner.getKey()).name(), partner.getValue().size(), partner.getValue())).toList();
    }

    @Override
    public void rename(Channel channel, String newName) {
        record("RENAME", channel.id(), "#" + channel.name() + " -> #" + newName);
    }

    @Override
    public void archive(Channel channel) {
        record("ARCHIVE", channel.id(), "#" + channel.name());
    }

    @Override
    public void sendMessage(String recipient, String text) {
        record("MESSAGE", recipient, text);
    }

    public List<ChatDelivery> deliveriesTo(String target) {
        return jdbc.sql("select id, kind, target, body, sent_at from chat_delivery where target = ? order by id")
                .param(target).query(ChatDelivery.class).list();
    }

    private void record(String kind, String target, String body) {
        outside.executeWithoutResult(status -> jdbc.sql("insert into chat_delivery (kind, target, body, sent_at) "
                + "values (?, ?, ?, ?)").params(kind, target, body, LocalDateTime.now(clock)).update());
    }
}
