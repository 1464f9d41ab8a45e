package org.gatehouse.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.methods.response.conversations.ConversationsInviteSharedResponse;

import org.junit.jupiter.api.Test;

/** Each refusal only an operator can fix says what to change in Slack: the incident's message when retries run out. */
class SlackRefusedExceptionTest {

    private static String message(String error, String needed) {
        var response = new ConversationsInviteSharedResponse();
        response.setOk(false);
        response.setError(error);
        response.setNeeded(needed);
        return SlackRefusedException.of("conversations.inviteShared", response).getMessage();
    }

    @Test
    void eachRefusalSaysWhatToChange() {
        assertThat(message("missing_scope", "conversations.connect:write"))
                .startsWith("Slack refused conversations.inviteShared (missing_scope): ")
                .contains("the app lacks the scope conversations.connect:write", "slack/manifest.yaml", "reinstall the app");
        assertThat(message("not_allowed_token_type", null)).contains("gatehouse.slack.admin-token",
                "gatehouse.slack.bot-token");
        assertThat(message("not_an_enterprise", null)).contains("Enterprise Grid", "a workspace admin does this in Slack");
        assertThat(message("no_external_invite_permission", null)).contains("Slack Connect",
                "let members and apps invite external people");
        assertThat(message("channel_not_found", null)).isEqualTo("Slack refused conversations.inviteShared "
                + "(channel_not_found): see Slack's documentation of the method for this error");
    }
}
