package org.gatehouse.slack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.slack.api.Slack;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;

import org.gatehouse.platform.RetryAfterException;
import org.springframework.stereotype.Component;

/**
 * Slack's Web API as Gatehouse calls it, through Slack's own client: with the bot's token, or the org admin's for
 * {@code admin.*} methods. A call either answers {@code "ok": true} or throws: {@link SlackRefusedException} for
 * Slack's refusal, {@link RetryAfterException} for a rate limit (HTTP 429, with Slack's {@code Retry-After}), and an
 * unchecked exception when Slack cannot be reached or fails. Nothing is retried here: each call sits behind an async
 * continuation, whose job the engine retries.
 */
@Component
class SlackWebApi {

    /** For a 429 that names no wait: Slack's rate limits count per minute. */
    private static final Duration DEFAULT_RETRY_AFTER = Duration.ofMinutes(1);

    /** One call of Slack's client. */
    @FunctionalInterface
    interface Call<T extends SlackApiTextResponse> {

        T on(MethodsClient client) throws IOException, SlackApiException;
    }

    private final Slack slack;
    private final SlackProperties settings;

    SlackWebApi(Slack slack, SlackProperties settings) {
        this.slack = slack;
        this.settings = settings;
    }

    /** {@code method} (Slack's name, for the messages) with the bot token. */
    <T extends SlackApiTextResponse> T bot(String method, Call<T> call) {
        return call(method, settings.botToken(), call);
    }

    /** An {@code admin.*} method, with the org admin's token, which only Enterprise Grid has. */
    <T extends SlackApiTextResponse> T admin(String method, Call<T> call) {
        if (!settings.hasAdminToken()) {
            throw new SlackRefusedException("no_admin_token", method + " needs Slack Enterprise Grid and an org "
                    + "admin's user token (gatehouse.slack.admin-token), and none is set. Set one, or, without Grid, a "
                    + "workspace admin does this in Slack itself (README, \"Slack\")");
        }
        return call(method, settings.adminToken(), call);
    }

    /**
     * {@code method} with the bot token and this form, through Slack's client still, for a method whose request class
     * drops a documented argument: slack-api-client 1.47.0 leaves {@code cursor} out of team.externalTeams.list's form,
     * so its pages could not be followed.
     */
    <T extends SlackApiTextResponse> T botForm(String method, Map<String, String> form, Class<T> type) {
        String token = settings.botToken();
        return call(method, token, c -> c.postFormWithTokenAndParseResponse(builder -> {
            form.forEach(builder::add);
            return builder;
        }, method, token, type));
    }

    /** The direct-message channel with a Slack user, opened if need be (Slack answers the same one every time). */
    String directMessageWith(String slackUserId) {
        return bot("conversations.open", c -> c.conversationsOpen(r -> r.users(List.of(slackUserId)))).getChannel().getId();
    }

    /** Posts {@code text} in {@code channel}, in the thread of {@code threadTs} unless it is null; answers its ts. */
    String post(String channel, String threadTs, String text) {
        return bot("chat.postMessage", c -> c.chatPostMessage(r -> r.channel(channel).threadTs(threadTs).text(text)
                .unfurlLinks(false).unfurlMedia(false))).getTs();
    }

    private <T extends SlackApiTextResponse> T call(String method, String token, Call<T> call) {
        T response;
        try {
            response = call.on(slack.methods(token));
        } catch (SlackApiException e) {
            if (e.getResponse().code() == 429) {
                Duration wait = retryAfter(e.getResponse().header("Retry-After"));
                throw new RetryAfterException("Slack rate-limits " + method + ": trying again in " + wait.toSeconds()
                        + " s, as Slack asks (Retry-After)", wait);
            }
            throw new IllegalStateException("Slack answered " + method + " with HTTP " + e.getResponse().code(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("Slack could not be reached for " + method + ": " + e.getMessage(), e);
        }
        if (!response.isOk()) {
            throw SlackRefusedException.of(method, response);
        }
        return response;
    }

    private static Duration retryAfter(String header) {
        try {
            return header == null ? DEFAULT_RETRY_AFTER : Duration.ofSeconds(Math.max(1, Long.parseLong(header.trim())));
        } catch (NumberFormatException e) {
            return DEFAULT_RETRY_AFTER;
        }
    }
}
