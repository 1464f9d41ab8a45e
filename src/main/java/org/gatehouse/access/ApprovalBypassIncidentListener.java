package org.gatehouse.access;

import static org.gatehouse.access.AccessRequestProcess.CHANNEL_NAME;
import static org.gatehouse.access.AccessRequestProcess.PARTNER_ORGANISATION;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * While a request whose approval Slack bypassed waits for the partner to be out of the channel, Cockpit shows an
 * incident on it that says what to change in Slack; Slack's word that the channel is no longer shared resolves it.
 * Listens to the waiting event's start (raises) and end (resolves).
 */
@Component("approvalBypassIncident")
class ApprovalBypassIncidentListener implements ExecutionListener {

    static final String INCIDENT_TYPE = "slackApprovalBypassed";

    @Override
    public void notify(DelegateExecution execution) {
        if (EVENTNAME_START.equals(execution.getEventName())) {
            execution.createIncident(INCIDENT_TYPE, execution.getProcessBusinessKey(), "Slack connected #"
                    + CHANNEL_NAME.from(execution) + " with " + PARTNER_ORGANISATION.from(execution) + " when the partner "
                    + "accepted, before any admin approved: this Slack workspace does not require admin approval of "
                    + "Slack Connect invitations. Require it in Slack's admin settings for Slack Connect (README, "
                    + "\"Slack Connect\"). The workspace admins were told; without Enterprise Grid one of them removes "
                    + "the partner from the channel in Slack. Resolved when Slack reports the channel unshared");
            return;
        }
        execution.getProcessEngineServices().getRuntimeService().createIncidentQuery().executionId(execution.getId())
                .incidentType(INCIDENT_TYPE).list().forEach(incident -> execution.resolveIncident(incident.getId()));
    }
}
