package org.infusionwatch.gateway.http.auth;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * The roles of the users file and what each may do (docs/http-api.md): nurses act at the bedside
 * but cannot change protocol files; coordinators review and annotate but cannot acknowledge
 * alerts; administrators look after protocols and the audit trail, not patients.
 */
public enum Role {
    NURSE(EnumSet.of(Permission.VIEW_WARD, Permission.ACKNOWLEDGE_ALERT, Permission.RECORD_ENTRY,
            Permission.ANNOTATE_ALERT, Permission.VIEW_PROTOCOL)),
    COORDINATOR(EnumSet.of(Permission.VIEW_WARD, Permission.ANNOTATE_ALERT, Permission.REVIEW_EVENTS,
            Permission.VIEW_PROTOCOL, Permission.CHANGE_PROTOCOL)),
    ADMIN(EnumSet.of(Permission.VIEW_WARD, Permission.REVIEW_EVENTS, Permission.VIEW_PROTOCOL,
            Permission.CHANGE_PROTOCOL, Permission.VIEW_AUDIT));

    private final Set<Permission> permissions;

    Role(Set<Permission> permissions) {
        this.permissions = Set.copyOf(permissions);
    }

    public boolean may(Permission p) {
        return permissions.contains(p);
    }

    public Set<Permission> permissions() {
        return permissions;
    }

    /** The role's name as written in the users file and the API: {@code nurse}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Reads {@code nurse}, {@code coordinator} or {@code admin} (any case). */
    public static Role parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("role must be nurse, coordinator or admin, was: " + text);
        }
    }
}
