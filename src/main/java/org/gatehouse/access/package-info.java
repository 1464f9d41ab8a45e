/**
 * External access (A1–A11): a member's request to share a channel with a partner organisation, the NDA check, both admins' approvals, the partner's invitation link, connecting, renewing and ending; processes {@code external-access-request} and {@code nda-assurance}, which it calls for the NDA.
 */
package org.gatehouse.access;
