package org.gatehouse.channels;

import java.util.List;

/**
 * An outside organisation the chat platform connects the host with now (A9), as the platform names it: however it
 * came to be, through Gatehouse or around it. {@code acceptedChannels}: Gatehouse's channels whose invitation this
 * organisation accepted, by which Gatehouse recognises a connection it approved.
 */
public record PlatformOrganisation(String platformId, String name, int channels, List<String> acceptedChannels) {
}
