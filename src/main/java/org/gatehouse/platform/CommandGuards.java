package org.gatehouse.platform;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.util.ReflectionUtils;

/** What the engine's guards ({@link EngineGuard}, {@link IdentityGuard}, {@link TaskQueryExpressionGuard}) share. */
final class CommandGuards {

    private CommandGuards() {
    }

    /** Puts a guard in front of every command, in both of the engine's interceptor chains. */
    static void beforeEveryCommand(ProcessEngineConfigurationImpl configuration, Supplier<CommandInterceptor> guard) {
        configuration.setCustomPreCommandInterceptorsTxRequired(
                with(configuration.getCustomPreCommandInterceptorsTxRequired(), guard.get()));
        configuration.setCustomPreCommandInterceptorsTxRequiresNew(
                with(configuration.getCustomPreCommandInterceptorsTxRequiresNew(), guard.get()));
    }

    /** Runs {@code interceptor} inside every command's context (after the engine opened it). */
    static void insideEveryCommand(ProcessEngineConfigurationImpl configuration, CommandInterceptor interceptor) {
        configuration.setCustomPostCommandInterceptorsTxRequired(
                with(configuration.getCustomPostCommandInterceptorsTxRequired(), interceptor));
        configuration.setCustomPostCommandInterceptorsTxRequiresNew(
                with(configuration.getCustomPostCommandInterceptorsTxRequiresNew(), interceptor));
    }

    /**
     * A command someone outside the engine asked for, not Gatehouse's own: commands nested in one already admitted
     * (delegates, the job executor's work) and trusted calls are not checked again.
     */
    static boolean outermostAndUntrusted() {
        return Context.getCommandContext() == null && !TrustedCalls.active();
    }

    /** The signed-in person is in {@code camunda-admin}; false when nobody is signed in. */
    static boolean isAdmin(Authentication authentication) {
        return authentication != null && authentication.getGroupIds() != null
                && authentication.getGroupIds().contains(Groups.CAMUNDA_ADMIN);
    }

    /** A command's field that the guard reads; a Camunda upgrade that renames it stops start-up instead of a check. */
    static Field field(Class<?> type, String name, Class<?> guard) {
        Field field = ReflectionUtils.findField(type, name);
        if (field == null) {
            throw new IllegalStateException("This Camunda version has no " + type.getSimpleName() + "." + name
                    + ": review " + guard.getSimpleName());
        }
        ReflectionUtils.makeAccessible(field);
        return field;
    }

    /**
     * A guard that checks what someone outside the engine asks for ({@link #outermostAndUntrusted}), knowing who is
     * signed in (or no one).
     */
    abstract static class OutsideCommandGuard extends CommandInterceptor {

        private final ProcessEngineConfigurationImpl configuration;

        OutsideCommandGuard(ProcessEngineConfigurationImpl configuration) {
            this.configuration = configuration;
        }

        @Override
        public <T> T execute(Command<T> command) {
            if (outermostAndUntrusted()) {
                check(command, configuration.getIdentityService().getCurrentAuthentication());
            }
            return next.execute(command);
        }

        /** Throws to refuse {@code command}; {@code authentication} is null when nobody is signed in. */
        abstract void check(Command<?> command, Authentication authentication);
    }

    private static List<CommandInterceptor> with(List<CommandInterceptor> interceptors, CommandInterceptor added) {
        List<CommandInterceptor> all = interceptors == null ? new ArrayList<>() : new ArrayList<>(interceptors);
        all.add(added);
        return all;
    }
}
