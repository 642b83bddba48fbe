package org.infusionwatch.gateway.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.infusionwatch.gateway.testing.CliRun;
import org.infusionwatch.gateway.testing.FreePort;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The browser views from the command line: {@code run --http-port N} serves them (in a gateway
 * process of its own, as an operator starts it) and says where; {@code demo} prints their address
 * and creates its demo users.
 */
class WebViewsCommandLineTest {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path work;

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void shouldServeTheViewsOnTheHttpPortGivenToRunAndSayWhere() throws Exception {
        int httpPort = FreePort.pick();
        Path config = Files.writeString(work.resolve("gateway.json"),
                "{\"embeddedMqttPort\": " + FreePort.pick() + ", \"mllpHost\": \"127.0.0.1\"}");
        Path out = work.resolve("run.log");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process gateway = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                "org.infusionwatch.gateway.cli.Main", "run", "--config", config.toString(),
                "--mllp-port", Integer.toString(FreePort.pick()), "--data-dir", work.resolve("data").toString(),
                "--http-host", "127.0.0.1", "--http-port", Integer.toString(httpPort))
                .redirectErrorStream(true)
                .redirectOutput(out.toFile())
                .start();
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                assertThat(gateway.isAlive()).as("gateway process (see %s)", out).isTrue();
                return Files.readString(out, StandardCharsets.UTF_8).contains("Ctrl-C stops.");
            });
            assertThat(Files.readString(out, StandardCharsets.UTF_8))
                    .contains("Nurse station and coordinator views: http://127.0.0.1:" + httpPort + "/")
                    .contains("Nobody can sign in yet", "users add --file");

            HttpResponse<String> home = get(httpPort, "/");
            assertThat(home.statusCode()).isEqualTo(302);
            assertThat(home.headers().firstValue("location")).contains("/login.html");
            assertThat(get(httpPort, "/login.html").statusCode()).isEqualTo(200);
            assertThat(get(httpPort, "/api/ward").statusCode()).isEqualTo(401);
        } finally {
            gateway.destroy();
            gateway.waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void shouldPrintTheNurseStationAddressAndCreateTheDemoUsers() throws Exception {
        int httpPort = FreePort.pick();
        Path data = work.resolve("demo");

        CliRun demo = CliRun.of("demo", "--beds", "1", "--duration-s", "1", "--mllp-port", Integer.toString(FreePort.pick()),
                "--mqtt-port", Integer.toString(FreePort.pick()), "--http-port", Integer.toString(httpPort),
                "--data-dir", data.toString());

        assertThat(demo.exitCode()).isZero();
        assertThat(demo.out()).contains("Nurse station   http://127.0.0.1:" + httpPort + "/",
                "nurse/nurse, coordinator/coordinator, admin/admin");
        String users = Files.readString(data.resolve("users.json"), StandardCharsets.UTF_8);
        assertThat(users).contains("\"nurse\"", "\"coordinator\"", "\"admin\"", "pbkdf2-sha256$");
    }

    private HttpResponse<String> get(int port, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
