package org.gatehouse.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The app manifest in the repository is the app Gatehouse is: Slack calls the one endpoint for the events Gatehouse
 * handles, and the bot holds every scope the README's table names.
 */
class SlackManifestTest {

    private static final Pattern SCOPE = Pattern.compile("`([a-z_.]+:[a-z_.]+)`");

    @SuppressWarnings("unchecked")
    private <T> T at(Map<String, Object> yaml, String... path) {
        Object node = yaml;
        for (String key : path) {
            node = ((Map<String, Object>) node).get(key);
        }
        return (T) node;
    }

    @Test
    void slackCallsTheOneEndpointWithEveryEventGatehouseHandlesAndTheBotHasEveryScopeTheReadmeNames() throws IOException {
        Map<String, Object> manifest;
        try (Reader reader = Files.newBufferedReader(Path.of("slack", "manifest.yaml"))) {
            manifest = new Yaml().load(reader);
        }
        assertThat(this.<String>at(manifest, "settings", "event_subscriptions", "request_url")).endsWith(SlackFixtures.EVENTS);
        assertThat(this.<List<String>>at(manifest, "settings", "event_subscriptions", "bot_events"))
                .containsExactlyInAnyOrder("message.im", "app_mention", "shared_channel_invite_requested",
                        "shared_channel_invite_accepted", "shared_channel_invite_declined", "shared_channel_invite_approved",
                        "channel_shared", "channel_unshared");
        assertThat(this.<String>at(manifest, "settings", "interactivity", "request_url")).endsWith(SlackFixtures.EVENTS);
        List<Map<String, Object>> commands = at(manifest, "features", "slash_commands");
        assertThat(commands).singleElement().satisfies(command -> {
            assertThat(command.get("command")).isEqualTo(SlackRequestModal.COMMAND);
            assertThat((String) command.get("url")).endsWith(SlackFixtures.EVENTS);
        });
        List<Map<String, Object>> shortcuts = at(manifest, "features", "shortcuts");
        assertThat(shortcuts).extracting(shortcut -> shortcut.get("callback_id")).containsExactly(SlackRequestModal.SHORTCUT);

        Set<String> named = new TreeSet<>();
        List<String> readme = Files.readAllLines(Path.of("README.md"));
        readme.subList(readme.indexOf("## Slack"), readme.size()).stream()
                .takeWhile(line -> !line.startsWith("## Audit"))
                .filter(line -> line.startsWith("| ") && line.split("\\|").length > 3)
                .map(line -> line.split("\\|")[3])
                .filter(scopes -> !scopes.contains("user token"))
                .forEach(scopes -> {
                    Matcher scope = SCOPE.matcher(scopes);
                    while (scope.find()) {
                        named.add(scope.group(1));
                    }
                });
        assertThat(named).as("scopes in the README's table").contains("chat:write", "conversations.connect:write",
                "conversations.connect:manage");
        assertThat(this.<List<String>>at(manifest, "oauth_config", "scopes", "bot")).containsAll(named)
                .as("the slash command and the shortcut").contains("commands");
    }
}
