/**
 * External access (A1–A11): a member's request to share a channel with a partner organisation, the NDA check, both admins' approvals, the partner's invitation link, connecting, renewing and ending; process {@code external-access-request}.
 */
package org.gatehouse.access;
