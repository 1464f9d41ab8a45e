package org.gatehouse.slack;

import java.util.List;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.middleware.Middleware;
import com.slack.api.bolt.middleware.MiddlewareChain;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestType;
import com.slack.api.bolt.request.builtin.EventRequest;
import com.slack.api.bolt.response.Response;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bolt's app with Bolt's own checks (the signature and its five-minute window, the ssl check, the bot's
 * authorization, the bot's own events left out), then one of Gatehouse's: an event whose {@code event_id} was taken
 * before is answered 200 and goes no further. The checks are built at the first request, not at start-up, so that
 * Gatehouse starts while Slack cannot be reached.
 */
class SlackApp extends App {

    private static final Logger LOG = LoggerFactory.getLogger(SlackApp.class);

    private final SlackEventLog events;

    SlackApp(AppConfig config, SlackEventLog events) {
        super(config);
        this.events = events;
    }

    @Override
    protected List<Middleware> buildDefaultMiddlewareList(AppConfig config) {
        List<Middleware> middleware = super.buildDefaultMiddlewareList(config);
        middleware.add(this::once);
        return middleware;
    }

    private Response once(Request<?> request, Response response, MiddlewareChain chain) throws Exception {
        if (request.getRequestType() == RequestType.Event) {
            EventRequest event = (EventRequest) request;
            JsonObject payload = JsonParser.parseString(event.getRequestBodyAsString()).getAsJsonObject();
            JsonElement eventId = payload.get("event_id");
            if (eventId != null && eventId.isJsonPrimitive() && !events.firstTime(eventId.getAsString(),
                    event.getEventType(), event.getContext().getTeamId())) {
                LOG.info("Slack sent event {} again (retry {}): it was taken before", eventId.getAsString(),
                        event.getContext().getRetryNum());
                return Response.ok();
            }
        }
        return chain.next(request);
    }
}
