package org.gatehouse.platform;

import java.util.Optional;

/**
 * Whoever owns people's identity (the directory) tells the platform which engine users and groups are theirs, so
 * that {@link IdentityGuard} refuses changes made around them without the platform knowing that feature.
 */
public interface IdentityOwner {

    /** The user as the owner holds them; empty for a user id the owner does not know. */
    Optional<OwnedUser> user(String userId);

    /** Whether the owner gives this group to people, so that its memberships are the owner's. */
    boolean ownsGroup(String groupId);

    /** Where {@code change} to the user or group {@code id} is made instead, for the refusal's message. */
    String instead(Change change, String id);

    record OwnedUser(String firstName, String lastName, String email) {
    }

    enum Change { CREATE_USER, PROFILE, MEMBERSHIP, DELETE_USER, DELETE_GROUP }
}
