package org.gatehouse.channels;

import org.gatehouse.directory.RoleService;
import org.springframework.stereotype.Service;

/** Direct messages through the chat platform: to a member, to every member of a group, or to an outside address. */
@Service
public class Notifier {

    private final ChannelGateway gateway;
    private final RoleService roles;

    Notifier(ChannelGateway gateway, RoleService roles) {
        this.gateway = gateway;
        this.roles = roles;
    }

    public void notifyUser(String userId, String text) {
        gateway.sendMessage(userId, text);
    }

    public void notifyGroup(String groupId, String text) {
        roles.membersOf(groupId).forEach(member -> gateway.sendMessage(member, text));
    }

    public void notifyAddress(String email, String text) {
        gateway.sendMessage(email, text);
    }
}
