package org.gatehouse.access;

import static org.gatehouse.platform.ProcessVariable.booleanVariable;
import static org.gatehouse.platform.ProcessVariable.durationVariable;
import static org.gatehouse.platform.ProcessVariable.stringVariable;
import static org.gatehouse.platform.ProcessVariable.timestampVariable;

import java.time.Duration;
import java.time.LocalDateTime;

import org.gatehouse.platform.ProcessVariable;

/**
 * The public contract of {@code bpmn/partner-offboarding.bpmn}: its key, its task and the variables Java reads or
 * writes, as listed in {@code bpmn/README.md} (a test keeps the three in step).
 */
public final class PartnerOffboardingProcess {

    public static final String KEY = "partner-offboarding";

    public static final String TASK_CONFIRM = "confirmOffboarding";
    public static final String STEP_REGISTER = "Activity_RegisterOffboarding";

    /** The admin who asked, or a workspace admin, called the offboarding off while it awaited the confirmation. */
    public static final String MSG_CANCELLED = "OffboardingCancelled";

    public static final ProcessVariable<String> PARTNER_ID = stringVariable("partnerId");
    public static final ProcessVariable<String> PARTNER_NAME = stringVariable("partnerName");
    public static final ProcessVariable<Boolean> KEEP_DIRECT_MESSAGES = booleanVariable("keepDirectMessages");
    public static final ProcessVariable<String> REASON = stringVariable("reason");
    public static final ProcessVariable<String> REQUESTED_BY = stringVariable("requestedBy");
    /** Input parameter of 'Register offboarding': how long a second admin has to answer. */
    public static final ProcessVariable<Duration> CONFIRM_WITHIN = durationVariable("confirmWithin");
    /** When the confirmation's time limit passes: the task's due date and the timer 'Nobody confirmed in time'. */
    public static final ProcessVariable<LocalDateTime> CONFIRM_BY = timestampVariable("confirmBy");
    public static final ProcessVariable<Boolean> CONFIRMED = booleanVariable("confirmed");
    public static final ProcessVariable<String> COMMENT = stringVariable("comment");
    public static final ProcessVariable<String> CONFIRMED_BY = stringVariable("confirmedBy");
    /** The element variable of 'Disconnect channel': the channel one of its instances disconnects. */
    public static final ProcessVariable<String> CHANNEL_ID = stringVariable("channelId");

    private PartnerOffboardingProcess() {
    }
}
