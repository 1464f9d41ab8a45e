package org.gatehouse.platform;

import java.util.function.Supplier;

/**
 * Gatehouse's own engine calls, marked as such: the engine guard lets them through and the engine skips its
 * authorization checks for them, while the signed-in person stays the engine's authenticated user, so history and the
 * user operation log still name them. A thread-local set only by Java code: no expression in a model and no REST call
 * can reach it.
 */
public final class TrustedCalls {

    private static final ThreadLocal<Boolean> ACTIVE = ThreadLocal.withInitial(() -> false);

    private TrustedCalls() {
    }

    public static boolean active() {
        return ACTIVE.get();
    }

    public static <T> T run(Supplier<T> work) {
        if (ACTIVE.get()) {
            return work.get();
        }
        ACTIVE.set(true);
        try {
            return work.get();
        } finally {
            ACTIVE.remove();
        }
    }

    public static void run(Runnable work) {
        run(() -> {
            work.run();
            return null;
        });
    }
}
