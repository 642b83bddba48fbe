package org.infusionwatch.gateway.http.auth;

/**
 * A signed-in person: the session token (the cookie's value), the user and the role. The token
 * is never logged. Immutable apart from the last-use time, which {@link Sessions} updates.
 */
public final class Session {
    private final String token;
    private final String user;
    private final Role role;
    private volatile long lastUsedMs;

    Session(String token, String user, Role role, long nowMs) {
        this.token = token;
        this.user = user;
        this.role = role;
        this.lastUsedMs = nowMs;
    }

    public String token() {
        return token;
    }

    public String user() {
        return user;
    }

    public Role role() {
        return role;
    }

    public boolean may(Permission p) {
        return role.may(p);
    }

    long lastUsedMs() {
        return lastUsedMs;
    }

    void touch(long nowMs) {
        lastUsedMs = nowMs;
    }
}
