package org.gatehouse.access;

import static org.gatehouse.platform.ProcessVariable.dateVariable;
import static org.gatehouse.platform.ProcessVariable.stringVariable;

import java.time.LocalDate;

import org.gatehouse.platform.ProcessVariable;

/**
 * The public contract of {@code bpmn/nda-assurance.bpmn}, "Ensure a valid NDA": called by
 * {@code external-access-request} for a new request and for a renewal, with the request's id as business key. What
 * only the model and Legal's form use ({@code ndaStatus}, {@code ndaSigned}) has its row in {@code bpmn/README.md}
 * and no declaration here.
 */
public final class NdaAssuranceProcess {

    public static final String KEY = "nda-assurance";

    public static final String TASK_OBTAIN_NDA = "obtainNda";

    // the facts nda-check reads, looked up from the request and the NDA register
    public static final ProcessVariable<LocalDate> CURRENT_NDA_EXPIRES_ON = dateVariable("currentNdaExpiresOn");
    public static final ProcessVariable<LocalDate> END_DATE = dateVariable("endDate");
    public static final ProcessVariable<LocalDate> TODAY = dateVariable("today");

    // Legal's answer in obtainNda
    public static final ProcessVariable<LocalDate> NDA_SIGNED_ON = dateVariable("ndaSignedOn");
    public static final ProcessVariable<LocalDate> NDA_EXPIRES_ON = dateVariable("ndaExpiresOn");
    public static final ProcessVariable<String> NDA_DOCUMENT_REF = stringVariable("ndaDocumentRef");
    public static final ProcessVariable<String> NDA_DECLINE_REASON = stringVariable("ndaDeclineReason");

    private NdaAssuranceProcess() {
    }
}
