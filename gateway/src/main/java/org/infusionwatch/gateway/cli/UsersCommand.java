package org.infusionwatch.gateway.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;
import org.infusionwatch.gateway.http.auth.PasswordHasher;
import org.infusionwatch.gateway.http.auth.Role;
import org.infusionwatch.gateway.http.auth.UserAccount;
import org.infusionwatch.gateway.http.auth.UsersFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code users}: the users file of the browser views. {@code users add} creates a user (or with
 * {@code --replace} sets a new password or role); the password comes from {@code --password} or
 * standard input (asked for without echo on a terminal) and only its PBKDF2 hash is stored.
 * {@code users list} shows names and roles. A running gateway sees changes at the next sign-in.
 */
@Command(name = "users", mixinStandardHelpOptions = true,
        description = "Manage the users of the nurse station and coordinator views (hashed passwords, roles).",
        subcommands = {UsersCommand.Add.class, UsersCommand.ListUsers.class})
final class UsersCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        System.out.println("Usage: users add --file FILE --name NAME --role nurse|coordinator|admin [--password P]");
        System.out.println("       users list --file FILE");
        return 2;
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Add a user; the password is read from standard input unless --password is given.")
    static final class Add implements Callable<Integer> {
        @Option(names = "--file", required = true, description = "The users file (the gateway's --users-file; "
                + "default of the gateway: users.json in its data folder).")
        Path file;

        @Option(names = "--name", required = true, description = "Staff identifier (letters, digits, . _ @ -).")
        String name;

        @Option(names = "--role", required = true, description = "nurse, coordinator or admin.")
        String role;

        @Option(names = "--password", description = "The password (visible in the shell history: prefer standard input).")
        String password;

        @Option(names = "--replace", description = "Set a new password and role for an existing user.")
        boolean replace;

        @Override
        public Integer call() throws IOException {
            Role r;
            try {
                r = Role.parse(role);
                new UserAccount(name, r.id(), "-");
            } catch (IllegalArgumentException e) {
                System.err.println(e.getMessage());
                return 2;
            }
            char[] secret = password != null ? password.toCharArray() : readPassword();
            try {
                if (secret == null || secret.length == 0) {
                    System.err.println("no password given (--password, or one line on standard input)");
                    return 2;
                }
                new UsersFile(file).add(name, r, secret, replace, new PasswordHasher());
                System.out.printf("%s user %s (%s) in %s%n", replace ? "Saved" : "Added", name, r.id(),
                        file.toAbsolutePath());
                return 0;
            } catch (IllegalArgumentException e) {
                System.err.println(e.getMessage());
                return 1;
            } finally {
                if (secret != null) {
                    Arrays.fill(secret, '\0');
                }
            }
        }

        private static char[] readPassword() throws IOException {
            Console console = System.console();
            if (console != null) {
                return console.readPassword("Password: ");
            }
            String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            return line == null ? null : line.toCharArray();
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the users and their roles.")
    static final class ListUsers implements Callable<Integer> {
        @Option(names = "--file", required = true, description = "The users file.")
        Path file;

        @Override
        public Integer call() {
            UsersFile users = new UsersFile(file);
            if (!users.exists()) {
                System.err.println("no users file at " + file.toAbsolutePath());
                return 1;
            }
            for (UserAccount u : users.list()) {
                System.out.printf("%-24s %s%n", u.name(), u.role());
            }
            return 0;
        }
    }
}
