/**
 * Slack, through Slack's own Web API client and Bolt: the chat gateway that creates, shares, pins and disconnects channels and sends direct messages; the one endpoint {@code /slack/events}, where direct messages and mentions become tickets; the ticket replies in their Slack thread; access requests asked from Slack (the slash command, the shortcut, Slack's own invitation requests) and the answers to Slack's invitation requests.
 */
package org.gatehouse.slack;
