package org.gatehouse.directory;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.gatehouse.platform.TextInput;

/**
 * A Slack {@code users.list} export: the Web API's answer as it comes, {@code {"ok": true, "members": [user, ...]}}
 * (or the bare array of members). Of each user object it reads {@code id}, {@code team_id}, {@code name},
 * {@code real_name}, {@code tz}, {@code deleted}, {@code is_bot}, {@code is_workflow_bot}, {@code is_restricted},
 * {@code is_ultra_restricted}, {@code is_stranger} and the profile's {@code email}, {@code first_name},
 * {@code last_name}, {@code real_name} and {@code title}; other fields are ignored.
 *
 * <p>Bots, workflow bots, Slackbot ({@code USLACKBOT}, which Slack does not flag as a bot) and deleted accounts are
 * not people: skipped. A member is an outside contact when Slack says so ({@code is_stranger}: a Slack Connect user
 * of another organisation), when they are a guest ({@code is_restricted}, {@code is_ultra_restricted}), or when their
 * {@code team_id} is not the workspace's. Slack's documentation leaves that last test to the app, and the export does
 * not name its workspace: it is taken to be the team that most of the export's full members belong to.
 */
final class SlackExport {

    private static final String SLACKBOT = "USLACKBOT";

    private SlackExport() {
    }

    static List<ChatContact> read(InputStream in) throws ImportFile.Refused {
        JsonNode root = ImportFile.readJson(in);
        JsonNode members = root;
        if (root != null && root.isObject()) {
            if (root.path("ok").isBoolean() && !root.path("ok").asBoolean()) {
                throw new ImportFile.Refused(1, "The file is Slack's refusal, not an export: "
                        + root.path("error").asText("no error given"));
            }
            members = root.get("members");
        }
        if (members == null || !members.isArray()) {
            throw new ImportFile.Refused(1, "A Slack export is the answer of users.list: {\"ok\": true, \"members\": [...]}");
        }
        List<JsonNode> users = new ArrayList<>();
        for (JsonNode user : members) {
            if (!user.isObject()) {
                throw new ImportFile.Refused(users.size() + 1, "Member " + (users.size() + 1) + " is not an object");
            }
            users.add(user);
        }
        String workspace = ChatContact.home(users.stream().filter(u -> !skipped(u) && !outsideByFlags(u)).toList(),
                u -> text(u, "team_id"));
        List<ChatContact> contacts = new ArrayList<>();
        for (JsonNode user : users) {
            int line = contacts.size() + 1;
            if (skipped(user)) {
                contacts.add(ChatContact.skipped(line, text(user, "id")));
                continue;
            }
            String team = text(user, "team_id");
            boolean outside = outsideByFlags(user) || (workspace != null && team != null && !team.equals(workspace));
            JsonNode profile = user.path("profile");
            contacts.add(ChatContact.of(line, text(user, "id"), text(profile, "email"), text(profile, "first_name"),
                    text(profile, "last_name"), Arrays.asList(text(profile, "real_name"), text(user, "real_name")),
                    text(user, "name"), text(profile, "title"), text(user, "tz"), outside));
        }
        return contacts;
    }

    private static boolean skipped(JsonNode user) {
        return flag(user, "deleted") || flag(user, "is_bot") || flag(user, "is_workflow_bot")
                || SLACKBOT.equals(text(user, "id"));
    }

    private static boolean outsideByFlags(JsonNode user) {
        return flag(user, "is_stranger") || flag(user, "is_restricted") || flag(user, "is_ultra_restricted");
    }

    private static boolean flag(JsonNode node, String field) {
        return node.path(field).asBoolean(false);
    }

    /** The field's text, or null when it is absent, null or blank (Slack leaves unset profile fields empty). */
    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        boolean empty = value == null || value.isNull() || value.isContainerNode() || value.asText().isBlank();
        return empty ? null : TextInput.singleLine(value.asText()).trim();
    }
}
