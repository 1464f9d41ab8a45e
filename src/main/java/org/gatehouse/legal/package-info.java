/**
 * The NDAs on file with partner organisations (A3); whether one covers a project is the DMN decision {@code nda-check}.
 */
package org.gatehouse.legal;
