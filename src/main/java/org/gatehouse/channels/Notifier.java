package org.gatehouse.channels;

import io.micrometer.core.instrument.MeterRegistry;

import org.gatehouse.directory.RoleService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Direct messages through the chat platform: to a member, to every member of a group, or to an outside address.
 * Every message names its {@link MessageKind} and goes past the {@link NotificationPolicy} first; a message the
 * policy holds back is logged (without its text, which may carry a link that is a credential) and counted in the
 * metric {@code gatehouse.notifications.dropped}, and is no error: the step that sent it carries on.
 */
@Service
public class Notifier {

    private static final Logger LOG = LoggerFactory.getLogger(Notifier.class);

    private final ChannelGateway gateway;
    private final RoleService roles;
    private final NotificationPolicy policy;
    private final MeterRegistry meters;

    Notifier(ChannelGateway gateway, RoleService roles, NotificationPolicy policy, MeterRegistry meters) {
        this.gateway = gateway;
        this.roles = roles;
        this.policy = policy;
        this.meters = meters;
    }

    public void notifyUser(String userId, MessageKind kind, String text) {
        if (policy.allowsUser(userId, kind)) {
            gateway.sendMessage(userId, text);
        } else {
            dropped(userId, kind);
        }
    }

    public void notifyGroup(String groupId, MessageKind kind, String text) {
        roles.membersOf(groupId).forEach(member -> notifyUser(member, kind, text));
    }

    public void notifyAddress(String email, MessageKind kind, String text) {
        if (policy.allowsAddress(email, kind)) {
            gateway.sendMessage(email, text);
        } else {
            dropped(email, kind);
        }
    }

    /** Whether {@link #notifyAddress} reaches the address's owner, or only records the message. */
    public boolean reachesAddresses() {
        return gateway.reachesAddresses();
    }

    private void dropped(String recipient, MessageKind kind) {
        LOG.info("Not sending a {} message to {}: they came into the directory by an import and hold no working role (C5)",
                kind, recipient);
        meters.counter("gatehouse.notifications.dropped", "kind", kind.name()).increment();
    }
}
