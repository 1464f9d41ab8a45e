package org.gatehouse.channels;

/** What a message from Gatehouse is for: the {@link NotificationPolicy} decides by it who may be sent it. */
public enum MessageKind {

    /**
     * Asks the recipient for a decision that only they can take: approve or decline a request, accept or decline an
     * invitation (the partner's link of A5 asks the partner's admin to approve the share). The one kind every
     * recipient gets (C5).
     */
    APPROVAL_REQUEST,

    /**
     * Answers someone who wrote to Gatehouse: an expert's reply to a request, the receipt of a message. They asked, so
     * every recipient gets it, imported people included (C5 keeps unasked-for messages from them, not answers).
     */
    REPLY,

    /** Chases work that waits: a reminder to the people who hold it, or an escalation to the people above them. */
    REMINDER,

    /** Tells someone how something they take part in stands. */
    STATUS
}
