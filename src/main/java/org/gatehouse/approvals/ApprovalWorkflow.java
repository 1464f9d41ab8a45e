package org.gatehouse.approvals;

import static org.gatehouse.approvals.ApprovalProcess.*;

import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.gatehouse.platform.Correlations;
import org.gatehouse.platform.GatehouseEngineCalls;
import org.gatehouse.platform.ProcessStarts;
import org.gatehouse.platform.SingleUseLinks;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where the API and the approver's link meet the engine: starts {@code approval} standalone, records the answer given
 * through the link and hands it to the waiting instance. The domain change and the engine step share one transaction.
 */
@Component
@GatehouseEngineCalls
public class ApprovalWorkflow {

    private final RuntimeService runtime;
    private final ApprovalService approvals;

    ApprovalWorkflow(RuntimeService runtime, ApprovalService approvals) {
        this.runtime = runtime;
        this.approvals = approvals;
    }

    /** Starts the process; its first step registers the approval, so bad input rolls the whole start back. */
    @Transactional
    public ApprovalView request(String approver, String subject, String details, String subjectRef, String dueIn,
            String requestedBy) {
        return ProcessStarts.start(runtime, KEY, id -> approvals.view(id, requestedBy), variables -> {
            APPROVER.putIn(variables, approver);
            SUBJECT.putIn(variables, subject);
            DETAILS.putIn(variables, details);
            SUBJECT_REF.putIn(variables, subjectRef);
            DUE_IN.putIn(variables, dueIn);
            REQUESTED_BY.putIn(variables, requestedBy);
        });
    }

    public ApprovalService.LinkView approval(String token) {
        return approvals.linkView(approvals.resolve(token));
    }

    /** The approval process a link belongs to, whose deployment has the link's page. */
    public String processOf(String token) {
        return approvals.resolve(token).processInstanceId();
    }

    @Transactional
    public void answerByLink(String token, boolean approved, String comment) {
        Approval approval = approvals.resolve(token);
        approvals.answerByLink(approval, approved, comment);
        Correlations.correlate(runtime, approved ? MSG_APPROVED : MSG_REJECTED, approval.id(), Map.of(),
                () -> SingleUseLinks.notWaiting(ApprovalService.LINK));
    }
}
