package org.gatehouse.channels;

import java.util.Map;

import com.samskivert.mustache.Mustache;

import org.gatehouse.directory.Organisation;
import org.springframework.stereotype.Component;

/**
 * Renders the pinned note of a shared channel (A8) from the Mustache template that process owners keep beside the
 * BPMN ({@code bpmn/house-rules.mustache}) and deploy with it.
 */
@Component
class HouseRules {

    private final ChannelProperties properties;

    HouseRules(ChannelProperties properties) {
        this.properties = properties;
    }

    String render(String template, Organisation host, Organisation partner, String channelName, String partnerChannelName) {
        Map<String, Object> model = Map.of(
                "host", host,
                "partner", partner,
                "channelName", channelName,
                "partnerChannelName", partnerChannelName,
                "responseTimeSla", properties.responseTimeSla());
        return Mustache.compiler().escapeHTML(false).strictSections(true).compile(template).execute(model);
    }
}
