/**
 * Who is who: people, organisations and workspaces, roles, the HR and chat imports, and the sync of all that into the engine's identity service.
 */
package org.gatehouse.directory;
