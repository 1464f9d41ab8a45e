package org.gatehouse.channels;

/**
 * The public contract of {@code bpmn/notification.bpmn}: one instance per message that leaves Gatehouse, business key
 * = the message's id, as listed in {@code bpmn/README.md}.
 */
public final class NotificationProcess {

    public static final String KEY = "notification";

    public static final String TASK_SEND = "Activity_SendMessage";

    private NotificationProcess() {
    }
}
