package org.infusionwatch.gateway.http.auth;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Signed-in sessions, in memory (a restart signs everyone out). A token is 256 random bits; a
 * session unused for {@code idleTimeoutMs} of wall-clock time ends. Thread-safe.
 */
public final class Sessions {
    /** A nursing shift and some. */
    public static final long DEFAULT_IDLE_TIMEOUT_MS = 13 * 3_600_000L;

    private final ConcurrentHashMap<String, Session> byToken = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final long idleTimeoutMs;
    private final LongSupplier wallClockMs;

    public Sessions(long idleTimeoutMs, LongSupplier wallClockMs) {
        this.idleTimeoutMs = idleTimeoutMs;
        this.wallClockMs = wallClockMs;
    }

    public Session open(UserAccount account) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Session s = new Session(token, account.name(), account.toRole(), wallClockMs.getAsLong());
        byToken.put(token, s);
        return s;
    }

    /** The live session of {@code token}, marked as used now; empty when unknown or expired. */
    public Optional<Session> find(String token) {
        if (token == null) {
            return Optional.empty();
        }
        Session s = byToken.get(token);
        if (s == null) {
            return Optional.empty();
        }
        long now = wallClockMs.getAsLong();
        if (now - s.lastUsedMs() > idleTimeoutMs) {
            byToken.remove(token, s);
            return Optional.empty();
        }
        s.touch(now);
        return Optional.of(s);
    }

    /** Whether {@code token} names a live session, without counting this as a use (open event streams). */
    public boolean isOpen(String token) {
        Session s = token == null ? null : byToken.get(token);
        return s != null && wallClockMs.getAsLong() - s.lastUsedMs() <= idleTimeoutMs;
    }

    public void close(String token) {
        if (token != null) {
            byToken.remove(token);
        }
    }
}
