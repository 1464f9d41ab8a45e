package org.gatehouse.intake;

/** The public contract of {@code bpmn/intake-notice.bpmn}, as listed in {@code bpmn/README.md}: it has no variables. */
public final class IntakeNoticeProcess {

    public static final String KEY = "intake-notice";

    private IntakeNoticeProcess() {
    }
}
