package org.infusionwatch.sims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import org.infusionwatch.sims.scenario.Scenario;
import org.infusionwatch.sims.scenario.Scenarios;
import org.infusionwatch.sims.testing.FakeMllpServer;
import org.infusionwatch.sims.testing.FakeMqttBroker;
import org.infusionwatch.sims.testing.HandClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class SimulatedIcuTest {

    private static final Instant START = Instant.parse("2026-11-22T09:00:00Z");
    private static final Duration AWAIT = Duration.ofSeconds(20);

    private final HandClock hand = new HandClock();
    private final SimClock clock = new SimClock(START, 1, hand);
    private final List<String> steps = new CopyOnWriteArrayList<>();

    @Test
    void shouldChangeTheHypoxemiaBedsVentilatorSettingsTwoHoursAfterOnset() throws Exception {
        try (FakeMllpServer gateway = FakeMllpServer.acking();
             SimulatedIcu icu = SimulatedIcu.builder()
                     .unit("ICU-A")
                     .bed("BED01", Scenarios.named("hypoxemia"))
                     .clock(clock)
                     .reportPeriodMs(Duration.ofMinutes(10).toMillis())
                     .mllp("127.0.0.1", gateway.port())
                     .listener((bed, simTimeMs, description) ->
                             steps.add(bed + " " + Instant.ofEpochMilli(simTimeMs) + " " + description))
                     .build()) {
            icu.start();
            assertThat(icu.scenarioStartMillis()).isEqualTo(START.toEpochMilli());

            hand.advance(Duration.ofMinutes(179)); // T0 + 1 h 59 min
            await().atMost(AWAIT).until(() -> ventAt(gateway, "20261122115000+0000").isPresent());
            String before = ventAt(gateway, "20261122115000+0000").orElseThrow();
            assertThat(obxValue(before, "151720")).isEqualTo("40");
            assertThat(obxValue(before, "151804")).isEqualTo("8");
            assertThat(steps).containsExactly(
                    "BED01 2026-11-22T10:00:00Z study infusion started (STUDY-PRODUCT KIT-0042, 100 mL/h)",
                    "BED01 2026-11-22T11:00:00Z study infusion complete");

            hand.advance(Duration.ofMinutes(1)); // T0 + 2 h
            await().atMost(AWAIT).until(() -> ventAt(gateway, "20261122120000+0000").isPresent());
            String after = ventAt(gateway, "20261122120000+0000").orElseThrow();
            assertThat(obxValue(after, "151720")).isEqualTo("70");
            assertThat(obxValue(after, "151804")).isEqualTo("14");
            assertThat(steps).last().isEqualTo("BED01 2026-11-22T12:00:00Z FiO2 0.40→0.70, PEEP 8→14");

            List<String> pumpEvents = messagesFrom(gateway, "IWSIM_PUMP");
            assertThat(pumpEvents).hasSize(2).allSatisfy(m -> assertThat(m).contains("|ORU^R42^ORU_R01|"));
            assertThat(pumpEvents.get(0)).contains("197288^MDC_EVT_PUMP_DELIV_START^MDC");
            assertThat(messagesFrom(gateway, "IWSIM_MON")).isNotEmpty()
                    .allSatisfy(m -> assertThat(m).contains("PV1||I|ICU-A^^BED01"));
            assertThat(gateway.connectionsAccepted()).as("one connection per device and one for the charting system")
                    .isEqualTo(4);
        }
    }

    @Test
    void shouldSendClinicianEntriesAsTheChartingSystemsHl7WhenThereIsNoMqtt() throws Exception {
        try (FakeMllpServer gateway = FakeMllpServer.acking();
             SimulatedIcu icu = SimulatedIcu.builder()
                     .unit("ICU-A")
                     .bed("BED01", Scenarios.named("cardioversion"))
                     .clock(clock)
                     .reportPeriodMs(Duration.ofMinutes(30).toMillis())
                     .mllp("127.0.0.1", gateway.port())
                     .build()) {
            icu.start();

            hand.advance(Scenarios.ONSET.plus(Duration.ofHours(2))); // the cardioversion is charted at T0 + 2 h
            await().atMost(AWAIT).until(() -> !messagesFrom(gateway, "IWSIM_CHART").isEmpty());

            assertThat(messagesFrom(gateway, "IWSIM_CHART")).singleElement().satisfies(m -> assertThat(m)
                    .contains("|ORU^R01^ORU_R01|", "PV1||I|ICU-A^^BED01", "|IW_ENTRY^", "|CARDIOVERSION^^99IW|",
                            "||dr-04"));
        }
    }

    @Test
    void shouldSendMonitorsAndTheFourthBedOverMqttAndTheRestOverMllp() throws Exception {
        try (FakeMllpServer gateway = FakeMllpServer.acking();
             FakeMqttBroker broker = new FakeMqttBroker(10);
             SimulatedIcu icu = SimulatedIcu.builder()
                     .beds(4)
                     .clock(clock)
                     .reportPeriodMs(Duration.ofMinutes(30).toMillis())
                     .mllp("127.0.0.1", gateway.port())
                     .mqtt(broker.uri())
                     .build()) {
            icu.start();

            hand.advance(Scenarios.ONSET); // reports at +0, +30, +60 min and the pump starts at +60
            await().atMost(AWAIT).until(() -> gateway.received().size() == 3 * 3 + 3
                    && broker.published().size() == 4 * 3 + 3 + 1);

            assertThat(gateway.received().stream().map(SimulatedIcuTest::sendingApplication).distinct())
                    .containsExactlyInAnyOrder("IWSIM_VENT", "IWSIM_PUMP");
            assertThat(gateway.received()).noneMatch(m -> m.contains("BED04"));
            assertThat(broker.published().stream().map(FakeMqttBroker.Published::topic).distinct())
                    .containsExactlyInAnyOrder(
                            "icu/ICU-A/BED01/MON-BED01/obs", "icu/ICU-A/BED02/MON-BED02/obs",
                            "icu/ICU-A/BED03/MON-BED03/obs", "icu/ICU-A/BED04/MON-BED04/obs",
                            "icu/ICU-A/BED04/VENT-BED04/obs", "icu/ICU-A/BED04/PUMP-BED04/obs");
            assertThat(broker.published()).filteredOn(p -> p.topic().endsWith("PUMP-BED04/obs")).singleElement()
                    .satisfies(p -> assertThat(p.text()).contains("\"event\":{\"code\":197288"));
        }
    }

    @Test
    void shouldNameBedsInOrderWithTheDefaultRotation() {
        SimulatedIcu icu = SimulatedIcu.builder().beds(5).mllp("127.0.0.1", 2575).build();

        assertThat(icu.beds()).extracting(BedAssignment::bed)
                .containsExactly("BED01", "BED02", "BED03", "BED04", "BED05");
        assertThat(icu.beds()).extracting(b -> b.scenario().name())
                .containsExactly("hypoxemia", "near-miss-hypoxemia", "stable", "hypoxemia", "hypoxemia");
    }

    @Test
    void shouldRefuseAnIcuWithoutTransportOrWithARepeatedBed() {
        Scenario stable = Scenarios.stable();

        assertThatThrownBy(() -> SimulatedIcu.builder().beds(1).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no transport");
        assertThatThrownBy(() -> SimulatedIcu.builder().bed("BED01", stable).bed("BED01", stable)
                .mllp("127.0.0.1", 2575).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("twice");
        assertThatThrownBy(() -> SimulatedIcu.builder().bed("BED/1", stable).mllp("127.0.0.1", 2575).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("BED/1");
    }

    private static Optional<String> ventAt(FakeMllpServer gateway, String hl7Time) {
        return messagesFrom(gateway, "IWSIM_VENT").stream()
                .filter(m -> m.contains("|ORU^R01^ORU_R01|") && segment(m, "MSH")[6].equals(hl7Time))
                .findFirst();
    }

    private static List<String> messagesFrom(FakeMllpServer gateway, String application) {
        return gateway.received().stream().filter(m -> sendingApplication(m).equals(application))
                .collect(Collectors.toList());
    }

    private static String sendingApplication(String message) {
        return segment(message, "MSH")[2].split("\\^")[0];
    }

    private static String obxValue(String message, String code) {
        for (String segment : message.split("\r")) {
            String[] fields = segment.split("\\|", -1);
            if (fields[0].equals("OBX") && fields[3].startsWith(code + "^")) {
                return fields[5];
            }
        }
        throw new AssertionError("no OBX " + code + " in " + message);
    }

    private static String[] segment(String message, String name) {
        for (String segment : message.split("\r")) {
            if (segment.startsWith(name + "|")) {
                return segment.split("\\|", -1);
            }
        }
        throw new AssertionError("no " + name + " in " + message);
    }
}
