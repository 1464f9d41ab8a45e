package org.gatehouse.platform;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Failed sign-ins, counted per client and per client and user name over a sliding window. An attempt is counted as a
 * failure before the password is checked and withdrawn if it succeeds, so concurrent guesses cannot overshoot a
 * limit; over a limit, the password is not checked at all. Counting per client, not per account, is the point: a
 * stranger who guesses alice's password slows down only themselves, never alice.
 */
@Component
public class LoginThrottle {

    private static final Logger LOG = LoggerFactory.getLogger(LoginThrottle.class);
    /** Longer names cannot be user ids (the engine's column holds 64 characters) and would only cost memory. */
    private static final int MAX_USER_LENGTH = 64;

    private final LoginThrottleProperties limits;
    private final Clock clock;
    private final Map<String, Deque<Instant>> failures;

    @Autowired
    LoginThrottle(LoginThrottleProperties limits) {
        this(limits, Clock.systemUTC());
    }

    LoginThrottle(LoginThrottleProperties limits, Clock clock) {
        this.limits = limits;
        this.clock = clock;
        this.failures = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Deque<Instant>> eldest) {
                return size() > limits.maxTracked();
            }
        };
    }

    /**
     * How long {@code client} must wait before signing in as {@code user} (null when the name is unreadable), or
     * null when it may try now: the attempt then counts as a failure until {@link #succeeded} withdraws it.
     */
    public synchronized Duration refusal(String client, String user) {
        Instant now = clock.instant();
        String clientKey = clientKey(client);
        String userKey = userKey(client, user);
        Duration wait = longest(waitFor(clientKey, limits.maxFailuresPerClient(), now),
                userKey == null ? null : waitFor(userKey, limits.maxFailuresPerUser(), now));
        if (wait != null) {
            return wait;
        }
        count(clientKey, limits.maxFailuresPerClient(), now, client);
        if (userKey != null) {
            count(userKey, limits.maxFailuresPerUser(), now, client);
        }
        return null;
    }

    /** The credentials were right: the attempt was no failure, and the user's earlier failures from here are forgiven. */
    public synchronized void succeeded(String client, String user) {
        Deque<Instant> clientFailures = failures.get(clientKey(client));
        if (clientFailures != null && !clientFailures.isEmpty()) {
            clientFailures.removeLast();
        }
        String userKey = userKey(client, user);
        if (userKey != null) {
            failures.remove(userKey);
        }
    }

    private Duration waitFor(String key, int limit, Instant now) {
        Deque<Instant> log = failures.get(key);
        if (log == null) {
            return null;
        }
        Instant horizon = now.minus(limits.window());
        while (!log.isEmpty() && !log.peekFirst().isAfter(horizon)) {
            log.removeFirst();
        }
        if (log.isEmpty()) {
            failures.remove(key);
            return null;
        }
        return log.size() < limit ? null : Duration.between(now, log.peekFirst().plus(limits.window()));
    }

    private void count(String key, int limit, Instant now, String client) {
        Deque<Instant> log = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
        log.addLast(now);
        if (log.size() == limit) {
            // the client only: a user name sent by a stranger is no safe log line
            LOG.warn("Sign-ins from {} held back: {} failures within {}", client, limit, limits.window());
        }
    }

    private static Duration longest(Duration a, Duration b) {
        return a == null ? b : b == null || a.compareTo(b) >= 0 ? a : b;
    }

    private static String clientKey(String client) {
        return "client " + client;
    }

    private static String userKey(String client, String user) {
        if (user == null || user.isEmpty()) {
            return null;
        }
        return "user " + client + " " + (user.length() > MAX_USER_LENGTH ? user.substring(0, MAX_USER_LENGTH + 1) : user);
    }
}
