/**
 * The auditors' trail (issue 14): each access request's, ticket's, approval's and expert invitation's history in one
 * list, merged from the engine's history and the features' change logs, and a search over every change log; for
 * {@code auditors} and {@code camunda-admin}, and every read of it recorded. Nothing depends on it.
 */
package org.gatehouse.audit;
