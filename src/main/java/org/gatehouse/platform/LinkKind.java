package org.gatehouse.platform;

/**
 * One kind of single-use link, in its flow's own words.
 *
 * @param purpose what the token is for ("invitation", "expert-invitation", "approval"): part of what is signed, so a
 *                token of one kind never opens another
 * @param path    where the link's page lives, before the token ("/invite/")
 * @param noun    what the person holding the link is told it is ("This invitation link has expired")
 */
public record LinkKind(String purpose, String path, String noun) {
}
