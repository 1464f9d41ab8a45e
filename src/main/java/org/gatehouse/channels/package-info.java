/**
 * Chat channels and how Gatehouse talks through them: shared channels, the sharing policy (A1), house rules (A8) and notifications to people and groups.
 */
package org.gatehouse.channels;
