/**
 * Slack, through Slack's own Web API client and Bolt: the chat gateway that creates, shares, pins and disconnects channels and sends direct messages; the one endpoint {@code /slack/events}, where direct messages and mentions become tickets; the ticket replies in their Slack thread.
 */
package org.gatehouse.slack;
