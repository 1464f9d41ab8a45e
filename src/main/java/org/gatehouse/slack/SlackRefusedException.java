package org.gatehouse.slack;

import com.slack.api.methods.SlackApiTextResponse;

/**
 * Slack answered a call with {@code "ok": false}. For the refusals an operator fixes in Slack (a scope, a token, the
 * plan, a workspace setting) the message says what to change: when the retries are spent it is the incident's
 * message in Cockpit.
 */
class SlackRefusedException extends RuntimeException {

    private final String error;

    SlackRefusedException(String error, String message) {
        super(message);
        this.error = error;
    }

    static SlackRefusedException of(String method, SlackApiTextResponse response) {
        String error = response.getError();
        return new SlackRefusedException(error, "Slack refused " + method + " (" + error + "): "
                + whatToChange(error, response.getNeeded(), response.getProvided()));
    }

    /** Slack's error code, {@code missing_scope} say. */
    String error() {
        return error;
    }

    boolean is(String code) {
        return code.equals(error);
    }

    private static String whatToChange(String error, String needed, String provided) {
        return switch (error == null ? "" : error) {
            case "missing_scope" -> "the app lacks the scope " + needed + (provided == null ? "" : " (it has " + provided
                    + ")") + ". Add it to the app's scopes (slack/manifest.yaml lists every one Gatehouse uses) and "
                    + "reinstall the app in the workspace, then retry";
            case "not_allowed_token_type" -> "the method does not take this kind of token. admin.* methods take an org "
                    + "admin's user token (xoxp-…, gatehouse.slack.admin-token), every other method the app's bot token "
                    + "(xoxb-…, gatehouse.slack.bot-token)";
            case "not_an_enterprise" -> "the method needs Slack Enterprise Grid, and this workspace is not on it. "
                    + "Without Grid, a workspace admin does this in Slack itself: set gatehouse.slack.enterprise-grid "
                    + "to false and Gatehouse asks them (README, \"Slack Connect\")";
            case "no_external_invite_permission" -> "the app may not invite people from outside the organisation. In "
                    + "Slack's admin settings for Slack Connect, let members and apps invite external people to channels "
                    + "(a paid plan has Slack Connect), then retry";
            case "not_authed", "invalid_auth", "token_revoked", "account_inactive" -> "the token is not valid. Set the "
                    + "app's current tokens (gatehouse.slack.bot-token, gatehouse.slack.admin-token)";
            default -> "see Slack's documentation of the method for this error";
        };
    }
}
