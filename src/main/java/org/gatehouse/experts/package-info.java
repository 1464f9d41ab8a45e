/**
 * Expert onboarding (C6, C7): an expert or admin invites an employee to become a Conversations Expert; process {@code expert-onboarding}.
 */
package org.gatehouse.experts;
