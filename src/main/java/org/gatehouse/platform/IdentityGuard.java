package org.gatehouse.platform;

import java.lang.reflect.Field;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.cmd.CheckPassword;
import org.camunda.bpm.engine.impl.cmd.CreateMembershipCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteGroupCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteMembershipCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteUserCmd;
import org.camunda.bpm.engine.impl.cmd.SaveUserCmd;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.gatehouse.platform.IdentityOwner.Change;
import org.gatehouse.platform.IdentityOwner.OwnedUser;
import org.springframework.stereotype.Component;
import org.springframework.util.ReflectionUtils;

/**
 * Identity is the {@link IdentityOwner owner}'s (the directory's). Camunda lets every user change their own account
 * and lets admins edit anyone in Camunda Admin or the engine REST API; both would contradict the directory, or be
 * silently undone by its next sync. So, whichever way the command comes in:
 * <ul>
 * <li>a user may read their own account and change nothing of it (the engine's default grants them everything on
 * it): a password is set by {@code camunda-admin};</li>
 * <li>for people the owner knows, creating the user, changing name or e-mail, group memberships and deletion are
 * refused with the owner's call that makes the change instead; a group the owner gives to people is not deleted;</li>
 * <li>nobody signed in checks another person's password ({@code /identity/verify}): the engine no longer locks
 * accounts (the login throttle does, per client), so that would be an unthrottled guess.</li>
 * </ul>
 * Only Gatehouse's own calls ({@link TrustedCalls}, the identity sync) pass, and commands nested in an admitted one.
 */
@Component
class IdentityGuard extends AbstractProcessEnginePlugin {

    /** What a user holds on their own account. */
    static final Permission OWN_ACCOUNT = Permissions.READ;

    private static final Field SAVED_USER = CommandGuards.field(SaveUserCmd.class, "user", IdentityGuard.class);
    private static final Field DELETED_USER = CommandGuards.field(DeleteUserCmd.class, "userId", IdentityGuard.class);
    private static final Field NEW_MEMBER = CommandGuards.field(CreateMembershipCmd.class, "userId", IdentityGuard.class);
    private static final Field FORMER_MEMBER = CommandGuards.field(DeleteMembershipCmd.class, "userId", IdentityGuard.class);
    private static final Field DELETED_GROUP = CommandGuards.field(DeleteGroupCmd.class, "groupId", IdentityGuard.class);
    private static final Field CHECKED_USER = CommandGuards.field(CheckPassword.class, "userId", IdentityGuard.class);

    private final IdentityOwner owner;

    IdentityGuard(IdentityOwner owner) {
        this.owner = owner;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        CommandGuards.beforeEveryCommand(configuration, () -> new Guard(configuration, owner));
        configuration.setResourceAuthorizationProvider(new OwnAccountReadOnly());
    }

    /** Whether {@code authorization} is a user's own right on their account that gives more than {@link #OWN_ACCOUNT}. */
    static boolean isWiderOwnAccountRight(Authorization authorization) {
        return authorization.getUserId() != null && authorization.getUserId().equals(authorization.getResourceId())
                && (authorization.isPermissionGranted(Permissions.UPDATE)
                        || authorization.isPermissionGranted(Permissions.DELETE));
    }

    static void narrowToOwnAccount(Authorization authorization) {
        authorization.setPermissions(new Permission[] {OWN_ACCOUNT});
    }

    /** The engine's default, except that a new user gets {@link #OWN_ACCOUNT} on themselves instead of everything. */
    static final class OwnAccountReadOnly extends DefaultAuthorizationProvider {

        @Override
        public AuthorizationEntity[] newUser(User user) {
            AuthorizationEntity[] authorizations = super.newUser(user);
            for (AuthorizationEntity authorization : authorizations) {
                narrowToOwnAccount(authorization);
            }
            return authorizations;
        }
    }

    static final class Guard extends CommandGuards.OutsideCommandGuard {

        private final IdentityOwner owner;

        Guard(ProcessEngineConfigurationImpl configuration, IdentityOwner owner) {
            super(configuration);
            this.owner = owner;
        }

        @Override
        void check(Command<?> command, Authentication authentication) {
            String caller = authentication == null ? null : authentication.getUserId();
            if (command instanceof CheckPassword) {
                String checked = (String) ReflectionUtils.getField(CHECKED_USER, command);
                if (caller != null && !caller.equals(checked)) {
                    throw refused(caller, "check the password of " + checked, "a password is checked by signing in");
                }
            } else if (command instanceof SaveUserCmd && ReflectionUtils.getField(SAVED_USER, command) instanceof UserEntity user) {
                checkSave(caller, CommandGuards.isAdmin(authentication), user);
            } else if (command instanceof CreateMembershipCmd || command instanceof DeleteMembershipCmd) {
                String user = (String) ReflectionUtils.getField(
                        command instanceof CreateMembershipCmd ? NEW_MEMBER : FORMER_MEMBER, command);
                refuseIfOwned(caller, user, "change the groups of " + user, Change.MEMBERSHIP);
            } else if (command instanceof DeleteUserCmd) {
                String user = (String) ReflectionUtils.getField(DELETED_USER, command);
                refuseIfOwned(caller, user, "delete the user " + user, Change.DELETE_USER);
            } else if (command instanceof DeleteGroupCmd) {
                String group = (String) ReflectionUtils.getField(DELETED_GROUP, command);
                if (owner.ownsGroup(group)) {
                    throw refused(caller, "delete the group " + group, owner.instead(Change.DELETE_GROUP, group));
                }
            }
        }

        private void checkSave(String caller, boolean admin, UserEntity user) {
            String id = user.getId();
            if (user.getRevision() == 0) {
                refuseIfOwned(caller, id, "create the user " + id, Change.CREATE_USER);
                return;
            }
            if (owner.user(id).filter(owned -> !owned.equals(new OwnedUser(user.getFirstName(), user.getLastName(),
                    user.getEmail()))).isPresent()) {
                throw refused(caller, "change the name or e-mail of " + id, owner.instead(Change.PROFILE, id));
            }
            if (user.hasNewPassword() && !admin) {
                throw refused(caller, "set the password of " + id, "only camunda-admin sets passwords");
            }
        }

        private void refuseIfOwned(String caller, String user, String action, Change change) {
            if (owner.user(user).isPresent()) {
                throw refused(caller, action, owner.instead(change, user));
            }
        }

        private static AuthorizationException refused(String caller, String action, String instead) {
            return new AuthorizationException((caller == null ? "A call without a signed-in user" : "User '" + caller + "'")
                    + " may not " + action + ": " + instead);
        }
    }

}
