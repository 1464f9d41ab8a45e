package org.gatehouse.directory;

import java.util.Optional;

import org.gatehouse.platform.GatehouseGroups;
import org.gatehouse.platform.IdentityOwner;
import org.springframework.stereotype.Component;

/**
 * The directory owns everyone it knows, active or not, contacts included: their user id, name, e-mail and groups are
 * what {@link IdentitySync} makes of the directory, and a change made elsewhere is refused with the directory call
 * that makes it.
 */
@Component
class DirectoryIdentityOwner implements IdentityOwner {

    private final PersonRepository people;

    DirectoryIdentityOwner(PersonRepository people) {
        this.people = people;
    }

    @Override
    public Optional<OwnedUser> user(String userId) {
        return people.findById(userId).map(p -> new OwnedUser(p.firstName(), p.lastName(), p.email()));
    }

    @Override
    public boolean ownsGroup(String groupId) {
        return GatehouseGroups.REQUESTERS.equals(groupId) || people.isRole(groupId);
    }

    @Override
    public String instead(Change change, String id) {
        return switch (change) {
            case CREATE_USER -> id + " is in the directory, which makes the users: import them "
                    + "(POST /api/directory/imports) or activate them (POST /api/directory/people/" + id + "/activate)";
            case PROFILE -> id + "'s name and e-mail are the directory's: correct them in the HR export and import it "
                    + "(POST /api/directory/imports?kind=employees)";
            case MEMBERSHIP -> id + "'s groups are their roles in the directory: PUT or DELETE /api/directory/people/"
                    + id + "/roles/{group}";
            case DELETE_USER -> id + " is in the directory: deactivate them there (POST /api/directory/people/" + id
                    + "/deactivate), which ends their access and keeps their history";
            case DELETE_GROUP -> "the directory gives the group " + id + " to people: revoke the role from each "
                    + "(DELETE /api/directory/people/{id}/roles/" + id + ")";
        };
    }
}
