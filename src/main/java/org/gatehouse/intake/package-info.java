/**
 * The way in for employees' messages (API, e-mail, Slack): stores every message before handling it, opens tickets or adds to them, refuses and explains; process {@code intake-notice}.
 */
package org.gatehouse.intake;
