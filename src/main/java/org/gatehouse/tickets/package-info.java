/**
 * Employee requests as tickets (C1–C4, C9–C11): routing, handling by experts, notes, collaborators, approvals and SLAs; process {@code ticket-lifecycle}.
 */
package org.gatehouse.tickets;
