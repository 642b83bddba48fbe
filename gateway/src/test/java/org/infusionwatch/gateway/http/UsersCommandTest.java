package org.infusionwatch.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.infusionwatch.gateway.testing.CliRun;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code users} command against a running gateway's users file: a user it adds is stored
 * with a salted PBKDF2 hash only, and can sign in at once with the role given; the command
 * refuses what it should. Each test uses its own user name.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class UsersCommandTest {
    @TempDir
    static Path dataDir;
    private static WebGateway web;
    private static Path usersFile;

    @BeforeAll
    static void start() {
        web = WebGateway.start(dataDir, Instant.parse("2026-11-22T12:00:00Z"), s -> { });
        usersFile = web.gateway.settings().usersFile();
    }

    @AfterAll
    static void stop() {
        if (web != null) {
            web.close();
        }
    }

    @Test
    void shouldStoreOnlyAHashAndLetTheNewUserSignInAtOnceWithTheirRole() throws Exception {
        CliRun run = CliRun.of("users", "add", "--file", usersFile.toString(), "--name", "ward7.nurse",
                "--role", "nurse", "--password", "Correct-Horse-Battery-7");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Added user ward7.nurse (nurse)");
        String stored = Files.readString(usersFile, StandardCharsets.UTF_8);
        assertThat(stored).contains("\"ward7.nurse\"", "pbkdf2-sha256$600000$").doesNotContain("Correct-Horse-Battery-7");
        assertThat(Files.getPosixFilePermissions(usersFile)).isEqualTo(PosixFilePermissions.fromString("rw-------"));

        ApiClient.Answer signIn = new ApiClient(web.port()).signIn("ward7.nurse", "Correct-Horse-Battery-7");
        assertThat(signIn.status()).isEqualTo(200);
        assertThat(signIn.json().path("role").asText()).isEqualTo("nurse");
        assertThat(signIn.json().path("home").asText()).isEqualTo("/nurse.html");
    }

    @Test
    void shouldRefuseToOverwriteAUserWithoutReplaceAndSetANewPasswordWithIt() throws Exception {
        assertThat(CliRun.of("users", "add", "--file", usersFile.toString(), "--name", "coord.b", "--role", "coordinator",
                "--password", "first-password").exitCode()).isZero();

        CliRun refused = CliRun.of("users", "add", "--file", usersFile.toString(), "--name", "coord.b",
                "--role", "admin", "--password", "second-password");
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(new ApiClient(web.port()).signIn("coord.b", "first-password").json().path("role").asText())
                .isEqualTo("coordinator");

        CliRun replaced = CliRun.of("users", "add", "--file", usersFile.toString(), "--name", "coord.b",
                "--role", "admin", "--password", "second-password", "--replace");
        assertThat(replaced.exitCode()).isZero();
        assertThat(new ApiClient(web.port()).signIn("coord.b", "first-password").status()).isEqualTo(401);
        assertThat(new ApiClient(web.port()).signIn("coord.b", "second-password").json().path("role").asText())
                .isEqualTo("admin");
    }

    @Test
    void shouldRefuseAnUnknownRoleOrANameThatIsNotAStaffIdentifierAndWriteNothing() throws Exception {
        String before = Files.readString(usersFile, StandardCharsets.UTF_8);

        CliRun badRole = CliRun.of("users", "add", "--file", usersFile.toString(), "--name", "someone",
                "--role", "doctor", "--password", "x-password");
        CliRun badName = CliRun.of("users", "add", "--file", usersFile.toString(), "--name", "Jane Doe <jd>",
                "--role", "nurse", "--password", "x-password");

        assertThat(badRole.exitCode()).isEqualTo(2);
        assertThat(badName.exitCode()).isEqualTo(2);
        assertThat(Files.readString(usersFile, StandardCharsets.UTF_8)).isEqualTo(before);
    }

    @Test
    void shouldListNamesAndRolesButNoHashes() {
        CliRun list = CliRun.of("users", "list", "--file", usersFile.toString());

        assertThat(list.exitCode()).isZero();
        assertThat(list.out()).containsPattern("nurse +nurse").containsPattern("admin +admin").doesNotContain("pbkdf2");
    }
}
