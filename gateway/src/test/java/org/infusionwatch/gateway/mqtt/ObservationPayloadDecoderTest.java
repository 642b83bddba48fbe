package org.infusionwatch.gateway.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.infusionwatch.agent.model.BedRef;
import org.infusionwatch.agent.model.DeviceReport;
import org.infusionwatch.agent.model.Observation;
import org.infusionwatch.agent.model.ObservationKind;
import org.infusionwatch.agent.model.ReportKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What {@link ObservationPayloadDecoder} reads from a device's JSON report, stated value by value. */
class ObservationPayloadDecoderTest {
    private static final String TOPIC = "icu/ICU-A/BED01/VENT-BED01/obs";
    private static final long T_10_15 = 1_795_342_500_000L;

    private final ObservationPayloadDecoder decoder = new ObservationPayloadDecoder(new ObjectMapper());

    private DeviceReport decode(String payload) throws PayloadException {
        return decoder.decode(TOPIC, payload.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void shouldReadTheSpecExample() throws PayloadException {
        DeviceReport report = decode("""
                {
                  "msgId": "VENT-BED01-000042",
                  "time": "2026-11-22T10:15:00Z",
                  "obs": [
                    {"code": 151720, "refId": "MDC_VENT_CONC_AWAY_O2", "value": 40, "unit": "MDC_DIM_PERCENT", "kind": "setting"},
                    {"code": 150456, "refId": "MDC_PULS_OXIM_SAT_O2", "value": 94, "unit": "MDC_DIM_PERCENT", "time": "2026-11-22T10:14:58Z"},
                    {"code": 184352, "refId": "MDC_VENT_MODE", "value": "vent-mode-insp-assist", "kind": "setting"}
                  ]
                }""");
        assertThat(report.messageId()).isEqualTo("VENT-BED01-000042");
        assertThat(report.kind()).isEqualTo(ReportKind.OBSERVATIONS);
        assertThat(report.bed()).isEqualTo(new BedRef("ICU-A", "BED01"));
        assertThat(report.deviceId()).isEqualTo("VENT-BED01");
        assertThat(report.timeMs()).isEqualTo(T_10_15);
        assertThat(report.observations()).containsExactly(
                new Observation(151720, "MDC_VENT_CONC_AWAY_O2", 40, "", "MDC_DIM_PERCENT", 0, ObservationKind.SETTING,
                        T_10_15, "VENT-BED01"),
                new Observation(150456, "MDC_PULS_OXIM_SAT_O2", 94, "", "MDC_DIM_PERCENT", 0, ObservationKind.MEASUREMENT,
                        T_10_15 - 2_000, "VENT-BED01"),
                new Observation(184352, "MDC_VENT_MODE", Double.NaN, "vent-mode-insp-assist", "", 0, ObservationKind.SETTING,
                        T_10_15, "VENT-BED01"));
        assertThat(report.pumpEvent()).isNull();
    }

    @Test
    void shouldHandOutOneBedReferencePerBed() throws PayloadException {
        byte[] payload = "{\"msgId\":\"M-1\",\"time\":\"2026-11-22T10:15:00Z\",\"obs\":[{\"code\":150456,\"value\":94}]}".getBytes(StandardCharsets.UTF_8);
        DeviceReport first = decoder.decode(TOPIC, payload);
        DeviceReport other = decoder.decode("icu/ICU-A/BED02/MON-BED02/obs", payload);
        DeviceReport again = decoder.decode("icu/ICU-A/BED01/MON-BED01/obs", payload);

        assertThat(again.bed()).isSameAs(first.bed()).isEqualTo(new BedRef("ICU-A", "BED01"));
        assertThat(other.bed()).isEqualTo(new BedRef("ICU-A", "BED02"));
    }

    @Test
    void shouldGiveObservationsTheReportTimeEvenWhenItComesAfterThem() throws PayloadException {
        DeviceReport report = decode("""
                {"msgId":"M-1","obs":[{"code":1,"value":1},{"code":2,"value":2,"time":5}],"time":"2026-11-22T10:15:00Z"}""");
        assertThat(report.observations()).extracting(Observation::timeMs).containsExactly(T_10_15, 5L);
    }

    @Test
    void shouldKeepTheLastOfADuplicatedKeyAsAJsonTreeDoes() throws PayloadException {
        DeviceReport report = decode("""
                {"msgId":"M-1","time":1,"obs":[{"code":1,"value":1,"value":"x"}],"time":2,"msgId":"M-2"}""");
        assertThat(report.messageId()).isEqualTo("M-2");
        assertThat(report.timeMs()).isEqualTo(2);
        assertThat(report.observations().get(0).text()).isEqualTo("x");
        assertThat(report.observations().get(0).timeMs()).isEqualTo(2);
    }

    @Test
    void shouldReadCodesAndTextsLeniently() throws PayloadException {
        DeviceReport report = decode("""
                {"msgId":42,"time":0,"obs":[{"code":"151720","refId":7,"value":true,"unit":{"a":1}},{"code":1.9,"value":-0.0}]}""");
        assertThat(report.messageId()).isEqualTo("42");
        Observation first = report.observations().get(0);
        assertThat(first.mdcCode()).isEqualTo(151720);
        assertThat(first.refId()).isEqualTo("7");
        assertThat(first.text()).isEqualTo("true");
        assertThat(first.unit()).isEmpty();
        assertThat(report.observations().get(1).mdcCode()).isEqualTo(1);
    }

    @Test
    void shouldRefuseBrokenJsonBeforeAMissingField() {
        assertThatThrownBy(() -> decode("{\"time\":1,\"obs\":[{}],\"x\":[}")).isInstanceOf(PayloadException.class)
                .hasMessage("payload is not valid JSON");
    }

    @Test
    void shouldRefuseTheFirstProblemInTheOrderOfTheSchema() {
        assertThatThrownBy(() -> decode("{\"obs\":[{}],\"time\":\"x\",\"msgId\":\"M-1\"}"))
                .hasMessage("field 'time' is not an ISO-8601 instant or epoch milliseconds");
        assertThatThrownBy(() -> decode("{\"obs\":[{\"code\":1,\"value\":1},{\"code\":1}],\"time\":1,\"msgId\":\"M-1\"}"))
                .hasMessage("obs[1].value is missing");
        assertThatThrownBy(() -> decode("{\"msgId\":\"M-1\",\"time\":1,\"event\":{\"rateMlPerHour\":\"x\",\"code\":1}}"))
                .hasMessage("field 'rateMlPerHour' must be a number");
        assertThatThrownBy(() -> decode("{\"msgId\":\"M-1\",\"time\":1,\"obs\":[]}"))
                .hasMessage("payload has neither 'obs' nor 'event'");
    }

    @Test
    void shouldIgnoreWhatFollowsTheReportObject() throws PayloadException {
        assertThat(decode("{\"msgId\":\"M-1\",\"time\":1,\"obs\":[{\"code\":1,\"value\":1}]} trailing ]").messageId())
                .isEqualTo("M-1");
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void shouldDecodeFromSeveralThreadsAtOnceAsFromOne() throws Exception {
        List<SimulatorObservationPayloads.Message> messages = SimulatorObservationPayloads.sample(60_000, 1_000);
        List<DeviceReport> expected = new ArrayList<>();
        for (SimulatorObservationPayloads.Message m : messages) {
            expected.add(decoder.decode(m.topic(), m.payload()));
        }
        int threads = 4;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<List<DeviceReport>>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int offset = t * messages.size() / threads;
                Callable<List<DeviceReport>> pass = () -> {
                    start.await();
                    List<DeviceReport> out = new ArrayList<>(messages.size());
                    for (int i = 0; i < messages.size(); i++) {
                        // Each thread starts elsewhere in the corpus so they decode different payloads at once.
                        SimulatorObservationPayloads.Message m = messages.get((i + offset) % messages.size());
                        out.add(decoder.decode(m.topic(), m.payload()));
                    }
                    return out;
                };
                results.add(pool.submit(pass));
            }
            start.countDown();
            for (int t = 0; t < threads; t++) {
                int offset = t * messages.size() / threads;
                List<DeviceReport> got = results.get(t).get();
                for (int i = 0; i < messages.size(); i++) {
                    assertThat(got.get(i)).isEqualTo(expected.get((i + offset) % messages.size()));
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
