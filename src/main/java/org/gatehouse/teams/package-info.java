/**
 * Teams of experts (C8): who handles which requests, in which business hours, with which SLA targets.
 */
package org.gatehouse.teams;
