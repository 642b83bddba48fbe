package org.infusionwatch.gateway.http.auth;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One line of the users file: a staff identifier (never a patient's), a role, and a password hash
 * ({@link PasswordHasher}). Immutable.
 */
public record UserAccount(String name, String role, String passwordHash) {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._@-]{1,64}");

    public UserAccount {
        Objects.requireNonNull(name, "name");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("user name must be 1-64 letters, digits or . _ @ -, was: " + name);
        }
        role = Role.parse(role).id();
        Objects.requireNonNull(passwordHash, "passwordHash");
    }

    public Role toRole() {
        return Role.parse(role);
    }
}
