package org.infusionwatch.gateway.http.auth;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The users file: JSON, {@code {"users": [{"name", "role", "passwordHash"}]}}, written by the
 * {@code users add} command and read by the gateway. The gateway reads it again when it changed,
 * so a user added while the gateway runs can sign in at once. Written atomically and, where the
 * file system allows, readable by its owner only. Thread-safe (synchronized).
 */
public final class UsersFile {
    /** A hash checked when the name is unknown, so a wrong name takes as long as a wrong password. */
    private static final class Dummy {
        static final String HASH = new PasswordHasher().hash("not a password".toCharArray());
    }

    private final Path file;
    private final ObjectMapper json = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private Map<String, UserAccount> users = Map.of();
    private FileTime readAt;

    /** The file's shape. */
    record Content(List<UserAccount> users) {
    }

    public UsersFile(Path file) {
        this.file = file;
    }

    public Path path() {
        return file;
    }

    public synchronized boolean exists() {
        return Files.isRegularFile(file);
    }

    /** The account when name and password match, else empty. */
    public synchronized Optional<UserAccount> authenticate(String name, char[] password) {
        UserAccount account = current().get(name);
        boolean ok = PasswordHasher.verify(password, account == null ? Dummy.HASH : account.passwordHash());
        return ok && account != null ? Optional.of(account) : Optional.empty();
    }

    public synchronized List<UserAccount> list() {
        return List.copyOf(current().values());
    }

    /**
     * Adds a user, or with {@code replace} sets the password and role of an existing one.
     *
     * @throws IllegalArgumentException when the user exists and {@code replace} is false
     */
    public synchronized void add(String name, Role role, char[] password, boolean replace, PasswordHasher hasher) {
        Map<String, UserAccount> next = new LinkedHashMap<>(current());
        if (next.containsKey(name) && !replace) {
            throw new IllegalArgumentException("user " + name + " already exists in " + file
                    + " (use --replace to set a new password or role)");
        }
        next.put(name, new UserAccount(name, role.id(), hasher.hash(password)));
        write(next);
    }

    /** Adds the user unless the file already has one of that name. @return true when added */
    public synchronized boolean addIfAbsent(String name, Role role, char[] password, PasswordHasher hasher) {
        if (current().containsKey(name)) {
            return false;
        }
        add(name, role, password, false, hasher);
        return true;
    }

    private Map<String, UserAccount> current() {
        try {
            if (!Files.isRegularFile(file)) {
                users = Map.of();
                readAt = null;
                return users;
            }
            FileTime modified = Files.getLastModifiedTime(file);
            if (!modified.equals(readAt)) {
                Content c = json.readValue(file.toFile(), Content.class);
                Map<String, UserAccount> byName = new LinkedHashMap<>();
                for (UserAccount u : c.users() == null ? List.<UserAccount>of() : c.users()) {
                    byName.put(u.name(), u);
                }
                users = Map.copyOf(byName);
                readAt = modified;
            }
            return users;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the users file " + file + ": " + e.getMessage(), e);
        }
    }

    private void write(Map<String, UserAccount> next) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, ".users", ".tmp");
            try {
                restrict(tmp);
                json.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), new Content(new ArrayList<>(next.values())));
                try {
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
            users = Map.copyOf(next);
            readAt = Files.getLastModifiedTime(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the users file " + file + ": " + e.getMessage(), e);
        }
    }

    private static void restrict(Path p) {
        try {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException | IOException e) {
            // Not a POSIX file system: the folder's own permissions have to do.
        }
    }
}
