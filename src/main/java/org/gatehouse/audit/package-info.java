/**
 * The auditors' trail (issue 14): each access request's, ticket's, approval's and expert invitation's history in one
 * list, merged from the engine's history and the features' change logs, a search over every change log, and its
 * export as a hash-chained file signed with the installation's key, with the verifier; for {@code auditors} and
 * {@code camunda-admin}, and every read of it recorded. Nothing depends on it.
 */
package org.gatehouse.audit;
