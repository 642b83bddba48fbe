package org.infusionwatch.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.infusionwatch.sims.SimClock;
import org.infusionwatch.sims.SimulatedIcu;
import org.infusionwatch.sims.scenario.Scenarios;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A simulated syringe pump titrating noradrenaline over real MLLP (IHE PCD-01) shows on the bed
 * tile as a dose in the protocol's unit, and the escalation the engine flags from the same
 * reports reaches the nurse station.
 */
class VasopressorOnTheNurseStationTest {
    private static final Instant SIM_START = Instant.parse("2026-11-22T08:00:00Z");
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @TempDir
    Path dataDir;

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void shouldShowTheNoradrenalineDoseAsTheEngineCountsItAndItsEscalation() throws Exception {
        try (WebGateway web = WebGateway.start(dataDir, SIM_START, s -> { })) {
            // 1 200 x: the 4 -> 12 ug/min titration at T0 + 90 min (2 h 30 min after the start) comes after 7.5 s.
            SimClock clock = SimClock.realTime(SIM_START, 1_200);
            web.follow(clock);
            ApiClient nurse = ApiClient.signedIn(web.port(), "nurse", "nurse");
            try (SimulatedIcu icu = SimulatedIcu.builder().unit("ICU-A")
                    .bed("BED01", Scenarios.named("vasopressor-noradrenaline")).clock(clock)
                    .mllp("127.0.0.1", web.gateway.mllpPort()).mqtt(web.gateway.mqttUri()).build()) {
                icu.start();

                await().atMost(PATIENCE).until(() -> "4 ug/min".equals(vasopressor(nurse).path("dose").asText()));
                assertThat(vasopressor(nurse).path("vasopressor").asText()).isEqualTo("norepinephrine");
                assertThat(vasopressor(nurse).path("running").asBoolean()).isTrue();

                await().atMost(PATIENCE).until(() -> "12 ug/min".equals(vasopressor(nurse).path("dose").asText()));
                await().atMost(PATIENCE).until(() -> nurse.get("/api/ward").json().path("alerts").findValuesAsText("event")
                        .contains("VASOPRESSOR_ESCALATION"));
            }
        }
    }

    /** The bed's vasopressor pump line, or an empty node while there is none. */
    private static JsonNode vasopressor(ApiClient nurse) throws Exception {
        for (JsonNode pump : nurse.get("/api/ward").json().path("beds").get(0).path("pumps")) {
            if (!pump.path("vasopressor").isNull()) {
                return pump;
            }
        }
        return nurse.get("/api/ward").json().path("none");
    }
}
