/**
 * The reusable approval (process {@code approval}): asks one person to approve something, by Tasklist or a single-use link, alone or as a call activity of another job.
 */
package org.gatehouse.approvals;
