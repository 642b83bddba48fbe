package org.infusionwatch.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.infusionwatch.gateway.testing.AlertSubscriber;
import org.infusionwatch.sims.SimClock;
import org.infusionwatch.sims.SimulatedIcu;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The browser views end to end, in Debian's headless Chromium: a nurse signs in and watches a
 * simulated bed enter its infusion window, sees the hypoxemia alert appear without reloading the
 * page, and acknowledges it; a coordinator then finds it in the event log, its timeline chart and
 * the CSV export. Screenshots of both views go to {@code docs/screenshots/} for the README.
 * Beds are the simulators' default rotation: BED01 and BED04 become hypoxemic 2 h after onset.
 */
class NurseAndCoordinatorBrowserTest {
    private static final Instant SIM_START = Instant.parse("2026-11-22T08:00:00Z");
    /** Slow enough for a browser to watch: onset after 6 s, the alert about 14 s later, 6 h in 36 s. */
    private static final double SPEED = 600;
    private static final long HOUR_MS = 3_600_000L;
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @TempDir
    Path dataDir;

    @TempDir
    Path profiles;

    @Test
    @Timeout(value = 240, unit = TimeUnit.SECONDS)
    void shouldShowTheAlertLiveLetTheNurseAcknowledgeItAndShowItToTheCoordinator() throws Exception {
        try (WebGateway web = WebGateway.start(dataDir, SIM_START, s -> s.escalateAfterMinutes(60));
             AlertSubscriber mqtt = new AlertSubscriber(web.gateway.mqttUri(), "icu/+/+/alerts");
             Browser nurse = Browser.start(web.port(), Files.createDirectories(profiles.resolve("nurse")), 1920, 1080)) {

            nurse.signIn("nurse", "nurse", "/nurse.html");
            WebElement bed01 = nurse.waitUpTo(PATIENCE).until(ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector("article.bed[data-bed='ICU-A/BED01']")));
            assertThat(bed01.getAttribute("data-state")).as("before the infusion").isEqualTo("NONE");
            nurse.driver.executeScript("window.iwNoReloadMarker = 'still the same page';");

            SimClock clock = SimClock.realTime(SIM_START, SPEED);
            web.follow(clock);
            try (SimulatedIcu icu = SimulatedIcu.builder().unit("ICU-A").beds(4).clock(clock)
                    .mllp("127.0.0.1", web.gateway.mllpPort()).mqtt(web.gateway.mqttUri()).build()) {
                icu.start();

                nurse.waitUpTo(PATIENCE).until(d -> List.of("INFUSING", "IN_WINDOW")
                        .contains(nurse.find("article.bed[data-bed='ICU-A/BED01']").getAttribute("data-state")));
                String tile = "article.bed[data-bed='ICU-A/BED01'] ";
                assertThat(nurse.find(tile + ".elapsed").getText()).startsWith("T0 + ");
                assertThat(nurse.find(tile + ".countdowns").getText()).contains("6 h:", "24 h:", "left");
                nurse.waitUpTo(PATIENCE).until(d -> !d.findElements(By.cssSelector(
                        tile + ".device.ONLINE[data-device='VENT-BED01']")).isEmpty());
                assertThat(nurse.find(tile + ".value[data-signal='VASOPRESSOR']").getText()).contains("none running");

                WebElement alert = nurse.waitUpTo(PATIENCE).until(ExpectedConditions.presenceOfElementLocated(
                        By.cssSelector("li.alert-card[data-bed='ICU-A/BED01']")));
                assertThat(nurse.driver.executeScript("return window.iwNoReloadMarker;"))
                        .as("the alert arrived without a reload").isEqualTo("still the same page");
                String alertId = alert.getAttribute("data-alert-id");
                assertThat(alert.getText()).contains("Worsening hypoxemia", "HIGH", "STROMA-0001",
                        "FiO2 0.40 → 0.70 and PEEP 8 → 14 cmH2O", "after onset");
                assertThat(nurse.find("#flash").isDisplayed()).as("visible cue").isTrue();
                nurse.waitUpTo(Duration.ofSeconds(5)).until(d -> nurse.find("body").getAttribute("data-sounded-for") != null);
                assertThat(nurse.find("#sound").getText()).as("audible cue, no click needed on a kiosk").isEqualTo("Sound on");
                assertThat(nurse.find("article.bed[data-bed='ICU-A/BED01']").getAttribute("class")).contains("alarm-HIGH");

                alert.findElement(By.cssSelector("button.ack")).click();
                nurse.waitUpTo(Duration.ofSeconds(10)).until(ExpectedConditions.visibilityOfElementLocated(By.id("ack-note")))
                        .sendKeys("team aware, physician called");
                nurse.find("#ack-confirm").click();
                nurse.waitUpTo(Duration.ofSeconds(10)).until(d -> "ACKNOWLEDGED".equals(
                        nurse.find("li.alert-card[data-alert-id='" + alertId + "']").getAttribute("data-state")));
                assertThat(nurse.find("li.alert-card[data-alert-id='" + alertId + "']").getText())
                        .contains("Acknowledged by nurse", "team aware, physician called");
                nurse.find("li.alert-card[data-alert-id='" + alertId + "'] button.add-note").click();
                nurse.waitUpTo(Duration.ofSeconds(10)).until(ExpectedConditions.visibilityOfElementLocated(By.id("note-text")))
                        .sendKeys("SpO2 back to 95 % on FiO2 0.5");
                nurse.find("#note-confirm").click();
                nurse.waitUpTo(Duration.ofSeconds(10)).until(ExpectedConditions.textToBePresentInElementLocated(
                        By.cssSelector("li.alert-card[data-alert-id='" + alertId + "'] .notes"), "Note by nurse"));

                // A bedside entry from the page reaches the agent, which raises the transfusion-reaction event.
                nurse.find("article.bed[data-bed='ICU-A/BED03'] button.record").click();
                nurse.waitUpTo(Duration.ofSeconds(10)).until(ExpectedConditions.visibilityOfElementLocated(By.id("entry-type")));
                new Select(nurse.find("#entry-type")).selectByValue("TRANSFUSION_REACTION");
                nurse.find("#entry-note").sendKeys("urticaria, new bronchospasm");
                nurse.find("#entry-confirm").click();
                nurse.waitUpTo(Duration.ofSeconds(10)).until(ExpectedConditions.textToBePresentInElementLocated(
                        By.cssSelector("article.bed[data-bed='ICU-A/BED03'] .entry-line"),
                        "Transfusion-reaction signs recorded by nurse"));
                WebElement reaction = nurse.waitUpTo(PATIENCE).until(ExpectedConditions.presenceOfElementLocated(
                        By.cssSelector("li.alert-card[data-bed='ICU-A/BED03']")));
                assertThat(reaction.getText()).contains("urticaria, new bronchospasm");

                // Nobody acknowledges BED04's alert: 60 min later (agent clock) it is escalated, on the page and on MQTT.
                nurse.waitUpTo(PATIENCE).until(d -> !d.findElements(By.cssSelector(
                        "li.alert-card[data-bed='ICU-A/BED04'][data-state='ESCALATED']")).isEmpty());
                await().atMost(PATIENCE).until(() -> mqtt.inState("BED04", "ESCALATED").size() == 1);
                assertThat(mqtt.inState("BED01", "ACKNOWLEDGED")).hasSize(1);
                assertThat(mqtt.inState("BED01", "ACKNOWLEDGED").get(0).path("by").asText()).isEqualTo("nurse");
                nurse.screenshot(Screenshots.path("nurse-station.png"));

                // The coordinator looks once the windows are over, so the chart covers T0 - 1 h to T0 + 6 h.
                long windowsOver = SIM_START.toEpochMilli() + 7 * HOUR_MS + 15 * 60_000L;
                await().atMost(PATIENCE).until(() -> clock.nowMillis() > windowsOver);
                nurse.find("#sign-out").click();
                nurse.waitUpTo(Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/login.html"));
            }

            try (Browser coordinator = Browser.start(web.port(), Files.createDirectories(profiles.resolve("coordinator")),
                    1600, 1400)) {
                coordinator.signIn("coordinator", "coordinator", "/coordinator.html");
                coordinator.waitUpTo(PATIENCE).until(ExpectedConditions.attributeToBe(By.id("chain"), "data-intact", "true"));
                coordinator.waitUpTo(PATIENCE).until(ExpectedConditions.attributeToBe(By.id("protocol-info"),
                        "data-protocol", "STROMA"));
                String acknowledged = "#events tbody tr[data-state='ACKNOWLEDGED'][data-alert-id]";
                WebElement ackRow = coordinator.waitUpTo(PATIENCE).until(
                        ExpectedConditions.presenceOfElementLocated(By.cssSelector(acknowledged)));
                String alertId = ackRow.getAttribute("data-alert-id");
                assertThat(ackRow.getText()).contains("BED01", "STROMA-0001", "nurse", "team aware");
                assertThat(coordinator.driver.findElements(By.cssSelector("button.ack"))).isEmpty();

                coordinator.find("#events tbody tr[data-state='RAISED'][data-alert-id='" + alertId + "']").click();
                coordinator.waitUpTo(PATIENCE).until(ExpectedConditions.presenceOfElementLocated(By.id("timeline-svg")));
                for (String kind : List.of("onset", "crossing", "alert", "acknowledged")) {
                    assertThat(coordinator.driver.findElements(By.cssSelector("#timeline-svg line.marker[data-kind='"
                            + kind + "']"))).as("marker " + kind).isNotEmpty();
                }
                for (String signal : List.of("FIO2", "PEEP", "SPO2")) {
                    assertThat(coordinator.driver.findElements(By.cssSelector("#timeline-svg path[data-signal='"
                            + signal + "']"))).as("series " + signal).isNotEmpty();
                }
                assertThat(coordinator.find("#detail-text").getText()).contains("FiO2 0.40 → 0.70");

                String csv = (String) coordinator.driver.executeAsyncScript(
                        "const done = arguments[arguments.length - 1];"
                                + "fetch(document.getElementById('csv').href, {credentials: 'same-origin'})"
                                + ".then(r => r.text()).then(done, e => done('failed: ' + e));");
                assertThat(csv).startsWith("seq,time,unit,bed,patient,infusion_id,kind,event,state");
                assertThat(csv.lines().filter(l -> l.contains(alertId) && l.contains(",ACKNOWLEDGED,")
                        && l.contains(",nurse,") && l.contains("team aware"))).hasSize(1);
                assertThat(csv.lines().filter(l -> l.contains(",ESCALATED,") && l.contains("BED04"))).hasSize(1);
                coordinator.screenshot(Screenshots.path("coordinator.png"));
            }
        }
    }
}
