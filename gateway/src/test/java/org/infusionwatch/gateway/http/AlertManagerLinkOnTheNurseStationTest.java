package org.infusionwatch.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.infusionwatch.sims.alertmanager.SimulatedAlertManager;
import org.infusionwatch.gateway.testing.FreePort;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * A nurse must know when alerts no longer reach the hospital's alert manager, and so no pager: the
 * nurse station says so, before any alert needs it.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class AlertManagerLinkOnTheNurseStationTest {
    private static final Instant SIM_START = Instant.parse("2026-11-22T08:00:00Z");
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @TempDir
    Path dataDir;

    @TempDir
    Path profiles;

    @Test
    void shouldWarnTheNurseWhileTheAlertManagerCannotBeReached() throws Exception {
        int port = FreePort.pick(); // nobody listens there
        String address = "127.0.0.1:" + port;
        try (WebGateway web = WebGateway.start(dataDir, SIM_START, s -> s.alertManager(address));
             Browser nurse = Browser.start(web.port(), Files.createDirectories(profiles.resolve("nurse")), 1280, 800)) {
            nurse.signIn("nurse", "nurse", "/nurse.html");

            WebElement banner = nurse.waitUpTo(PATIENCE).until(
                    ExpectedConditions.visibilityOfElementLocated(By.id("alert-manager-down")));
            assertThat(banner.getText()).contains("not reaching the hospital's alert manager", address, "pagers");

            JsonNode link = ApiClient.signedIn(web.port(), "nurse", "nurse").get("/api/ward").json().path("alertManager");
            assertThat(link.path("address").asText()).isEqualTo(address);
            assertThat(link.path("reachable").asBoolean()).isFalse();
        }
    }

    @Test
    void shouldSayNothingWhileTheAlertManagerTakesConnectionsOrWhenThereIsNone() throws Exception {
        try (SimulatedAlertManager am = SimulatedAlertManager.start("127.0.0.1", 0, a -> { });
             WebGateway web = WebGateway.start(dataDir, SIM_START, s -> s.alertManager("127.0.0.1:" + am.port()))) {
            ApiClient nurse = ApiClient.signedIn(web.port(), "nurse", "nurse");
            await().atMost(PATIENCE).until(() -> nurse.get("/api/ward").json().path("alertManager").path("reachable").asBoolean());
        }
        try (WebGateway web = WebGateway.start(Files.createDirectories(dataDir.resolve("none")), SIM_START, s -> { })) {
            JsonNode ward = ApiClient.signedIn(web.port(), "nurse", "nurse").get("/api/ward").json();
            assertThat(ward.path("alertManager").isNull()).as("no alert manager configured").isTrue();
        }
    }
}
