package org.gatehouse.channels;

import java.util.HashMap;
import java.util.Map;

/**
 * A message still to be written: the name of its template in {@code bpmn/notifications/} and what fills it. The
 * template comes from the deployment of {@code processInstanceId}'s process, so that a process owner's edit takes
 * effect with the next deployment and a running process keeps the texts it started with.
 */
public record MessageTemplate(String name, String processInstanceId, Map<String, Object> model) {

    public static MessageTemplate of(String name, String processInstanceId) {
        return new MessageTemplate(name, processInstanceId, Map.of());
    }

    /** A copy with one more value; a null value is kept as empty text, so a template never meets a missing key. */
    public MessageTemplate with(String key, Object value) {
        Map<String, Object> next = new HashMap<>(model);
        next.put(key, value == null ? "" : value);
        return new MessageTemplate(name, processInstanceId, Map.copyOf(next));
    }
}
