package org.gatehouse.intake;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.gatehouse.channels.MailSender;
import org.gatehouse.channels.OutboundMail;
import org.springframework.stereotype.Component;

/** Tells the sender of a refused e-mail why it was not taken, in answer to it. */
@Component("sendRefusalNotice")
class SendRefusalNoticeDelegate implements JavaDelegate {

    private final InboundMessageRepository inbound;
    private final MailSender mail;

    SendRefusalNoticeDelegate(InboundMessageRepository inbound, MailSender mail) {
        this.inbound = inbound;
        this.mail = mail;
    }

    @Override
    public void execute(DelegateExecution execution) {
        InboundMessage message = inbound.find(execution.getProcessBusinessKey()).orElseThrow();
        String subject = message.subject() == null || message.subject().isBlank() ? "your message" : message.subject();
        mail.send(new OutboundMail(message.sender(), "Re: " + subject, "Gatehouse could not take your message \""
                + subject + "\" (received " + message.receivedAt().withNano(0) + " UTC):\n\n" + message.reason()
                + "\n\nNothing was lost: the message is kept, and the experts can see it.", message.messageId(),
                message.messageId() == null ? List.of() : List.of(message.messageId())));
    }
}
