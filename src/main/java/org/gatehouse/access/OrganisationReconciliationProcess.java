package org.gatehouse.access;

/**
 * The public contract of {@code bpmn/organisation-reconciliation.bpmn}: its key, as listed in {@code bpmn/README.md}.
 * Started by its own timer, nightly; it has no variables.
 */
public final class OrganisationReconciliationProcess {

    public static final String KEY = "organisation-reconciliation";

    private OrganisationReconciliationProcess() {
    }
}
