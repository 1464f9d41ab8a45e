package org.gatehouse.slack;

import static com.slack.api.model.block.Blocks.asBlocks;
import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.datePicker;
import static com.slack.api.model.block.element.BlockElements.plainTextInput;
import static com.slack.api.model.view.Views.view;
import static com.slack.api.model.view.Views.viewClose;
import static com.slack.api.model.view.Views.viewSubmit;
import static com.slack.api.model.view.Views.viewTitle;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;

import com.slack.api.bolt.App;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewState;

import org.gatehouse.access.AccessRequestDraft;
import org.gatehouse.access.AccessRequestView;
import org.gatehouse.access.AccessRequestWorkflow;
import org.gatehouse.channels.SharingPolicyService;
import org.gatehouse.directory.OrganisationService;
import org.gatehouse.directory.Person;
import org.gatehouse.directory.PersonService;
import org.gatehouse.platform.ForbiddenException;
import org.gatehouse.platform.InvalidInputException;
import org.gatehouse.platform.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Asking from Slack (A2): the slash command {@code /gatehouse}, the global shortcut and the button of an invitation
 * request open the access request's modal; its submission files the request through {@link AccessRequestWorkflow}
 * as the directory person whose Slack account submitted it (the user id of Slack's signed payload, never a field of
 * the form), and Gatehouse's refusals come back in the modal, each on its field. The modal's block ids are the
 * draft's field names, so an error's field names its block.
 */
@Component
class SlackRequestModal {

    static final String COMMAND = "/gatehouse";
    static final String SHORTCUT = "gatehouse_request_access";
    static final String CALLBACK = "gatehouse_access_request";
    static final String OPEN_BUTTON = "gatehouse_open_request";
    /** Every input's one element: the block id says which field it is. */
    static final String VALUE = "value";

    /** The draft's fields in the modal's order; the first also carries the errors that belong to no field. */
    static final List<String> FIELDS = List.of("workspace", "channelName", "partnerOrganisation", "partnerContactName",
            "partnerContactEmail", "projectName", "endDate", "purpose");

    private static final Logger LOG = LoggerFactory.getLogger(SlackRequestModal.class);

    private final AccessRequestWorkflow workflow;
    private final PersonService people;
    private final SharingPolicyService policy;
    private final OrganisationService organisations;
    private final SlackInviteRequests inviteRequests;
    private final SlackWebApi slack;
    private final Validator validator;
    private final TransactionTemplate transaction;

    SlackRequestModal(AccessRequestWorkflow workflow, PersonService people, SharingPolicyService policy,
            OrganisationService organisations, SlackInviteRequests inviteRequests, SlackWebApi slack, Validator validator,
            TransactionTemplate transaction) {
        this.workflow = workflow;
        this.people = people;
        this.policy = policy;
        this.organisations = organisations;
        this.inviteRequests = inviteRequests;
        this.slack = slack;
        this.validator = validator;
        this.transaction = transaction;
    }

    void register(App app) {
        app.command(COMMAND, (request, context) -> {
            var command = request.getPayload();
            Optional<String> refusal = refusal(command.getUserId());
            if (refusal.isPresent()) {
                return context.ack(refusal.get());
            }
            open(command.getTriggerId(), Prefill.forTeam(workspaceOf(command.getTeamId())));
            return context.ack();
        });
        app.globalShortcut(SHORTCUT, (request, context) -> {
            var shortcut = request.getPayload();
            // a shortcut has no reply of its own: a refusal is a modal that says why, with nothing to fill in
            View modal = refusal(shortcut.getUser().getId()).map(SlackRequestModal::refused)
                    .orElseGet(() -> modal(Prefill.forTeam(workspaceOf(context.getTeamId()))));
            slack.bot("views.open", c -> c.viewsOpen(r -> r.triggerId(shortcut.getTriggerId()).view(modal)));
            return context.ack();
        });
        app.blockAction(OPEN_BUTTON, (request, context) -> {
            var action = request.getPayload();
            String inviteId = action.getActions().get(0).getValue();
            inviteRequests.find(inviteId).filter(r -> r.slackUserId().equals(action.getUser().getId()))
                    .ifPresentOrElse(r -> open(action.getTriggerId(), new Prefill(workspaceOf(r.teamId()), r.channelName(),
                            r.invitedEmail(), inviteId)),
                            () -> LOG.warn("Slack user {} pressed the button of invitation request {}, which is not theirs",
                                    action.getUser().getId(), inviteId));
            return context.ack();
        });
        app.viewSubmission(CALLBACK, (request, context) -> {
            var submission = request.getPayload();
            Map<String, String> errors = submit(app, submission.getUser().getId(), submission.getView());
            return errors.isEmpty() ? context.ack() : context.ack(r -> r.responseAction("errors").errors(errors));
        });
    }

    /** Why this Slack user may not ask for a shared channel; empty when they may. */
    private Optional<String> refusal(String slackUserId) {
        Optional<Person> person = people.findBySlackId(slackUserId);
        if (person.isEmpty()) {
            return Optional.of("Gatehouse does not know your Slack account: the directory names no person with it. Ask "
                    + "an admin to add your Slack user id (" + slackUserId + ") to your entry, or ask in Gatehouse itself");
        }
        if (person.get().status() != Person.Status.ACTIVE || person.get().kind() != Person.Kind.EMPLOYEE) {
            return Optional.of("Only active employees ask for shared channels, and the directory does not list you as one");
        }
        if (!policy.mayShare(person.get().id())) {
            return Optional.of("The sharing policy does not let you share channels with outside organisations");
        }
        return Optional.empty();
    }

    private String workspaceOf(String teamId) {
        return teamId == null ? null : organisations.workspaces().stream().filter(w -> teamId.equals(w.slackTeamId()))
                .map(w -> w.id()).findFirst().orElse(null);
    }

    private void open(String triggerId, Prefill prefill) {
        View modal = modal(prefill);
        slack.bot("views.open", c -> c.viewsOpen(r -> r.triggerId(triggerId).view(modal)));
    }

    /** The values a modal opens with: the workspace of the Slack team, and an invitation request's channel and e-mail. */
    record Prefill(String workspace, String channelName, String partnerContactEmail, String inviteId) {

        static Prefill forTeam(String workspace) {
            return new Prefill(workspace, null, null, null);
        }
    }

    static View modal(Prefill prefill) {
        List<LayoutBlock> blocks = asBlocks(
                text("workspace", "Workspace", prefill.workspace(), false),
                text("channelName", "Channel name (new or existing)", prefill.channelName(), false),
                text("partnerOrganisation", "Partner organisation", null, false),
                text("partnerContactName", "Partner contact's name", null, false),
                text("partnerContactEmail", "Partner contact's e-mail", prefill.partnerContactEmail(), false),
                text("projectName", "Project", null, false),
                input(i -> i.blockId("endDate").label(plainText("Shared until")).element(datePicker(d -> d.actionId(VALUE)))),
                text("purpose", "Purpose", null, true));
        return view(v -> v.type("modal").callbackId(CALLBACK).privateMetadata(prefill.inviteId())
                .title(viewTitle(t -> t.type("plain_text").text("Share a channel")))
                .submit(viewSubmit(s -> s.type("plain_text").text("Send request")))
                .close(viewClose(c -> c.type("plain_text").text("Cancel")))
                .blocks(blocks));
    }

    static View refused(String why) {
        return view(v -> v.type("modal").title(viewTitle(t -> t.type("plain_text").text("Share a channel")))
                .close(viewClose(c -> c.type("plain_text").text("Close")))
                .blocks(asBlocks(section(s -> s.text(plainText(why))))));
    }

    private static LayoutBlock text(String field, String label, String initial, boolean multiline) {
        return input(i -> i.blockId(field).label(plainText(label))
                .element(plainTextInput(p -> p.actionId(VALUE).initialValue(initial).multiline(multiline))));
    }

    /** Files the request; answers the errors by block id, none when it is filed. */
    private Map<String, String> submit(App app, String slackUserId, View view) {
        Optional<String> refusal = refusal(slackUserId);
        if (refusal.isPresent()) {
            return Map.of(FIELDS.get(0), refusal.get());
        }
        String personId = people.findBySlackId(slackUserId).orElseThrow().id();
        Map<String, String> errors = new LinkedHashMap<>();
        AccessRequestDraft draft = draft(view.getState().getValues(), errors);
        validator.validate(draft).forEach(v -> errors.putIfAbsent(block(v.getPropertyPath().toString()), v.getMessage()));
        if (!errors.isEmpty()) {
            return errors;
        }
        String inviteId = view.getPrivateMetadata() == null || view.getPrivateMetadata().isBlank() ? null
                : view.getPrivateMetadata();
        AccessRequestView filed;
        try {
            filed = transaction.execute(status -> {
                if (inviteId != null) {
                    inviteRequests.requireOpen(inviteId, slackUserId, draft.channelName(), draft.partnerContactEmail());
                }
                AccessRequestView request = workflow.submit(draft, personId);
                if (inviteId != null) {
                    inviteRequests.link(inviteId, request.id());
                }
                return request;
            });
        } catch (InvalidInputException e) {
            return Map.of(block(e.field()), e.getMessage());
        } catch (ConstraintViolationException e) {
            e.getConstraintViolations().forEach(v -> errors.putIfAbsent(block(v.getPropertyPath().toString()), v.getMessage()));
            return errors;
        } catch (ForbiddenException | NotFoundException e) {
            return Map.of(FIELDS.get(0), e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("An access request from Slack user {} could not be filed", slackUserId, e);
            return Map.of(FIELDS.get(0), "Gatehouse could not file the request just now; please try again later");
        }
        tell(app, slackUserId, filed);
        return Map.of();
    }

    /** The draft as the modal holds it; a date that is no date is an error of its field. */
    private static AccessRequestDraft draft(Map<String, Map<String, ViewState.Value>> values, Map<String, String> errors) {
        LocalDate endDate = null;
        String date = value(values, "endDate");
        if (date != null) {
            try {
                endDate = LocalDate.parse(date);
            } catch (DateTimeParseException e) {
                errors.put("endDate", "must be a date");
            }
        }
        return new AccessRequestDraft(value(values, "workspace"), value(values, "channelName"),
                value(values, "partnerOrganisation"), value(values, "partnerContactName"),
                value(values, "partnerContactEmail"), value(values, "projectName"), endDate, value(values, "purpose"));
    }

    private static String value(Map<String, Map<String, ViewState.Value>> values, String field) {
        ViewState.Value value = values == null || values.get(field) == null ? null : values.get(field).get(VALUE);
        if (value == null) {
            return null;
        }
        String text = "endDate".equals(field) ? value.getSelectedDate() : value.getValue();
        return text == null ? null : text.strip();
    }

    /** The modal's block for a field Gatehouse names (a property path's last node); the first block for any other. */
    private static String block(String field) {
        String name = field == null ? "" : field.substring(field.lastIndexOf('.') + 1);
        return FIELDS.contains(name) ? name : FIELDS.get(0);
    }

    /** The requester hears of the request in a direct message, after Slack has its answer to the submission. */
    private void tell(App app, String slackUserId, AccessRequestView request) {
        String text = "Your request to share #" + request.channelName() + " with " + request.partnerOrganisation()
                + " is filed: " + request.id() + ", " + request.status() + ". Gatehouse tells you here how it goes.";
        app.executorService().submit(() -> {
            try {
                slack.post(slack.directMessageWith(slackUserId), null, text);
            } catch (RuntimeException e) {
                LOG.warn("Slack user {} could not be told of request {}: {}", slackUserId, request.id(), e.getMessage());
            }
        });
    }
}
