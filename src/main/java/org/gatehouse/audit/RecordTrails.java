package org.gatehouse.audit;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.gatehouse.access.AccessRequest;
import org.gatehouse.access.AccessRequestEvent;
import org.gatehouse.access.AccessRequestService;
import org.gatehouse.approvals.ApprovalService;
import org.gatehouse.approvals.ApprovalView;
import org.gatehouse.audit.Trail.Line;
import org.gatehouse.audit.Trail.Rank;
import org.gatehouse.channels.ChannelService;
import org.gatehouse.channels.Notification;
import org.gatehouse.channels.Notifier;
import org.gatehouse.channels.SentMessage;
import org.gatehouse.experts.ExpertInvitationService;
import org.gatehouse.experts.ExpertInvitationView;
import org.gatehouse.platform.NotFoundException;
import org.gatehouse.tickets.Ticket;
import org.gatehouse.tickets.TicketProcess;
import org.gatehouse.tickets.TicketService;
import org.gatehouse.tickets.TicketView;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each record's trail: its feature's change log and what it shows of the record, as that feature's service shows it
 * (a ticket as experts see it, C2), merged with the engine's history of its processes and the messages their steps
 * wrote. Private text comes from the record's own tables, never from the engine's variables.
 */
@Service
@Transactional(readOnly = true)
class RecordTrails {

    private static final String GATEHOUSE = "gatehouse";

    private final AccessRequestService requests;
    private final ChannelService channels;
    private final TicketService tickets;
    private final ApprovalService approvals;
    private final ExpertInvitationService invitations;
    private final Notifier notifier;
    private final EngineTrail engine;

    RecordTrails(AccessRequestService requests, ChannelService channels, TicketService tickets, ApprovalService approvals,
            ExpertInvitationService invitations, Notifier notifier, EngineTrail engine) {
        this.requests = requests;
        this.channels = channels;
        this.tickets = tickets;
        this.approvals = approvals;
        this.invitations = invitations;
        this.notifier = notifier;
        this.engine = engine;
    }

    /** The trail of a record of a kind that has one; {@code reader} as for {@link #accessRequest}. */
    Trail of(AuditKind kind, String id, String reader) {
        return switch (kind) {
            case ACCESS_REQUEST -> accessRequest(id, reader);
            case TICKET -> ticket(Long.parseLong(id));
            case APPROVAL -> approval(id);
            case EXPERT_INVITATION -> expertInvitation(id);
            default -> throw new IllegalArgumentException(kind + " records have no trail");
        };
    }

    /** Whether the access request {@code id} is one with the partner {@code partnerId}. */
    boolean withPartner(String id, String partnerId) {
        return partnerId.equals(requests.get(id).partnerId());
    }

    /** {@code reader} is one who sees every request (an auditor, an admin): the request's timeline is theirs to read. */
    Trail accessRequest(String id, String reader) {
        AccessRequest request = requests.get(id);
        List<Line> lines = new ArrayList<>();
        List<AccessRequestEvent> timeline = requests.view(id, reader).timeline();
        for (int i = 0; i < timeline.size(); i++) {
            AccessRequestEvent event = timeline.get(i);
            Details details = change(AuditKind.ACCESS_REQUEST, id).and("detail", event.detail());
            if ("HOUSE_RULES_PINNED".equals(event.action()) && request.channelId() != null) {
                details.and("note", channels.get(request.channelId()).pinnedNote());
            }
            lines.add(new Line(new TrailEntry(event.at(), event.actor(), "change", event.action(), details.map()),
                    Rank.RECORD, i));
        }
        processes(engine.instances(AuditKind.ACCESS_REQUEST.processKey(), id, request.processInstanceId()), Map.of(), lines);
        return Trail.of(lines);
    }

    Trail ticket(long id) {
        Ticket ticket = tickets.get(id);
        TicketView view = tickets.asExpertsSee(id);
        String subject = Long.toString(id);
        List<Line> lines = new ArrayList<>();
        for (int i = 0; i < view.history().size(); i++) {
            TicketView.Event event = view.history().get(i);
            lines.add(new Line(new TrailEntry(event.at(), event.actor(), "change", event.kind(),
                    change(AuditKind.TICKET, subject).and("detail", event.detail()).map()), Rank.RECORD, i));
        }
        for (TicketView.Message message : view.messages()) {
            lines.add(new Line(new TrailEntry(message.at(), message.author(), "message", message.kind(),
                    Details.with("ticket", subject).and("messageId", message.id()).and("authorName", message.authorName())
                            .and("via", message.via()).and("body", message.body()).map()),
                    Rank.CONVERSATION, message.id()));
        }
        List<TicketView.Delivery> deliveries = tickets.deliveries(id);
        for (int i = 0; i < deliveries.size(); i++) {
            TicketView.Delivery delivery = deliveries.get(i);
            lines.add(new Line(new TrailEntry(delivery.at(), null, "delivery", "Message " + delivery.messageId()
                    + " delivered to " + delivery.recipient(), Details.with("ticket", subject)
                            .and("messageId", delivery.messageId()).and("channel", delivery.channel())
                            .and("recipient", delivery.recipient()).map()), Rank.SENT, i));
        }
        List<HistoricProcessInstance> instances = engine.instances(AuditKind.TICKET.processKey(), subject,
                ticket.processInstanceId());
        // the routing decision read the subject and first message: shown as the ticket's tables keep them
        processes(instances, Map.of(TicketProcess.ROUTING_TEXT.name(), tickets.routingText(id)), lines);
        instances.stream().filter(instance -> AuditKind.APPROVAL.processKey().equals(instance.getProcessDefinitionKey()))
                .map(HistoricProcessInstance::getBusinessKey).filter(Objects::nonNull).distinct()
                .forEach(approval -> approvalChanges(approval, lines));
        return Trail.of(lines);
    }

    Trail approval(String id) {
        List<Line> lines = new ArrayList<>();
        approvalChanges(approvals.asRecorded(id), lines);
        processes(engine.instances(AuditKind.APPROVAL.processKey(), id, null), Map.of(), lines);
        return Trail.of(lines);
    }

    Trail expertInvitation(String id) {
        ExpertInvitationView invitation = invitations.asRecorded(id);
        List<Line> lines = new ArrayList<>();
        Details invited = change(AuditKind.EXPERT_INVITATION, id).and("personId", invitation.personId())
                .and("personName", invitation.personName()).and("expiresAt", invitation.expiresAt());
        lines.add(new Line(new TrailEntry(invitation.createdAt(), invitation.invitedBy(), "change", "INVITED",
                invited.map()), Rank.RECORD, 0));
        reminded(AuditKind.EXPERT_INVITATION, id, invitations.reminders(id), lines);
        if (invitation.answeredAt() != null) {
            lines.add(new Line(new TrailEntry(invitation.answeredAt(), invitation.personId(), "change",
                    invitation.status(), change(AuditKind.EXPERT_INVITATION, id).and("via", invitation.answeredVia())
                            .and("reason", invitation.declineReason()).map()), Rank.RECORD, 2));
        }
        expired(AuditKind.EXPERT_INVITATION, id, invitation.status(), invitation.expiresAt(), lines);
        processes(engine.instances(AuditKind.EXPERT_INVITATION.processKey(), id, null), Map.of(), lines);
        return Trail.of(lines);
    }

    /** An approval asked on a ticket is part of the ticket's trail; one that never registered has no changes. */
    private void approvalChanges(String id, List<Line> lines) {
        try {
            approvalChanges(approvals.asRecorded(id), lines);
        } catch (NotFoundException refused) {
            // its register step refused it: the engine's lines tell what happened
        }
    }

    /** Who asked whom to approve what, each reminder, and the answer with who gave it, how, and their comment. */
    private void approvalChanges(ApprovalView approval, List<Line> lines) {
        String id = approval.id();
        lines.add(new Line(new TrailEntry(approval.createdAt(), approval.requestedBy(), "change", "REQUESTED",
                change(AuditKind.APPROVAL, id).and("approver", approval.approver())
                        .and("approverName", approval.approverName()).and("subject", approval.subject())
                        .and("details", approval.details()).and("subjectRef", approval.subjectRef())
                        .and("expiresAt", approval.expiresAt()).map()), Rank.RECORD, 0));
        reminded(AuditKind.APPROVAL, id, approvals.reminders(id), lines);
        if (approval.answeredAt() != null) {
            lines.add(new Line(new TrailEntry(approval.answeredAt(), approval.answeredBy(), "change", approval.status(),
                    change(AuditKind.APPROVAL, id).and("via", approval.answeredVia()).and("comment", approval.comment())
                            .map()), Rank.RECORD, 2));
        }
        expired(AuditKind.APPROVAL, id, approval.status(), approval.expiresAt(), lines);
    }

    private static void reminded(AuditKind kind, String id, List<LocalDateTime> reminders, List<Line> lines) {
        for (LocalDateTime at : reminders) {
            lines.add(new Line(new TrailEntry(at, GATEHOUSE, "change", "REMINDED", change(kind, id).map()), Rank.RECORD, 1));
        }
    }

    /** An expiry is Gatehouse's step, at the due time. */
    private static void expired(AuditKind kind, String id, String status, LocalDateTime expiresAt, List<Line> lines) {
        if ("EXPIRED".equals(status)) {
            lines.add(new Line(new TrailEntry(expiresAt, GATEHOUSE, "change", "EXPIRED", change(kind, id).map()),
                    Rank.RECORD, 3));
        }
    }

    /**
     * The engine's lines of the record's processes, the messages their steps wrote and how sending them went: a
     * message when it was written, and when it left, a line each, so that no line changes once there.
     */
    private void processes(List<HistoricProcessInstance> instances, Map<String, Object> fromRecord, List<Line> lines) {
        lines.addAll(engine.lines(instances, fromRecord));
        List<SentMessage> sent = notifier.sentBy(instances.stream().map(HistoricProcessInstance::getId).toList());
        for (int i = 0; i < sent.size(); i++) {
            SentMessage message = sent.get(i);
            String to = message.kind() + " message to " + message.recipient();
            lines.add(new Line(new TrailEntry(message.at(), null, "notification", to + ": " + message.subject(),
                    Details.with("notificationId", message.id()).and("messageKind", message.kind())
                            .and("channel", message.channel()).and("recipient", message.recipient())
                            .and("subject", message.subject()).and("template", message.template())
                            .and("kept", message.status() == Notification.Status.KEPT ? true : null)
                            .and("processInstanceId", message.sourceProcessInstanceId())
                            .and("senderProcessInstanceId", message.senderProcessInstanceId()).map()),
                    Rank.SENT, i));
            if (message.sentAt() != null) {
                lines.add(new Line(new TrailEntry(message.sentAt(), null, "notification", to + " sent",
                        Details.with("notificationId", message.id()).and("channel", message.channel())
                                .and("recipient", message.recipient())
                                .and("senderProcessInstanceId", message.senderProcessInstanceId()).map()),
                        Rank.SENT, i));
            }
        }
        lines.addAll(engine.failures(sent.stream().map(SentMessage::senderProcessInstanceId).filter(Objects::nonNull)
                .toList()));
    }

    /** Which record a change is of. */
    private static Details change(AuditKind kind, String id) {
        return Details.with("record", kind.key()).and("id", id);
    }
}
