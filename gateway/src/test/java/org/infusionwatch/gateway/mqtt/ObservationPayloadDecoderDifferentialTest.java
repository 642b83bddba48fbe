package org.infusionwatch.gateway.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.infusionwatch.agent.model.DeviceReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Holds the streaming {@link ObservationPayloadDecoder} to the tree decoder it replaced
 * ({@link TreeObservationPayloadDecoder}): on what the simulators send, on hand-written edge cases
 * (each quirk of the tree decoder) and on a seeded fuzzed corpus, both must give equal reports
 * (records compare doubles as {@code Double.compare} does, so NaN equals NaN and -0.0 is not 0.0)
 * or refuse with the same reason.
 *
 * <p>The one chosen difference: an instant beyond a {@code long} of epoch milliseconds (year
 * +300000000) made the tree decoder throw {@code ArithmeticException} out of {@code decode}; the
 * streaming decoder refuses it as an unreadable time.
 */
class ObservationPayloadDecoderDifferentialTest {
    private static final String TOPIC = "icu/ICU-A/BED01/VENT-BED01/obs";
    private static final String UNREADABLE_TIME = "field 'time' is not an ISO-8601 instant or epoch milliseconds";
    private static final long FUZZ_SEED = 20261122L;
    private static final int FUZZ_CASES = 6_000;

    private final ObjectMapper json = new ObjectMapper();
    private final ObservationPayloadDecoder streaming = new ObservationPayloadDecoder(json);
    private final TreeObservationPayloadDecoder tree = new TreeObservationPayloadDecoder(json);

    /** What a decoder made of one payload: a report, or the reason it refused it. */
    private record Outcome(DeviceReport report, String refusal) {
        @Override
        public String toString() {
            return report != null ? report.toString() : "refused: " + refusal;
        }
    }

    @FunctionalInterface
    private interface Decoding {
        DeviceReport decode() throws PayloadException;
    }

    private static Outcome outcome(Decoding decoding) {
        try {
            return new Outcome(decoding.decode(), null);
        } catch (PayloadException e) {
            return new Outcome(null, e.getMessage());
        }
    }

    private Outcome streamingOutcome(String topic, byte[] payload) {
        return outcome(() -> streaming.decode(topic, payload));
    }

    private Outcome treeOutcome(String topic, byte[] payload) {
        try {
            return outcome(() -> tree.decode(topic, payload));
        } catch (ArithmeticException e) {
            // The chosen difference (see the class comment): the streaming decoder refuses instead.
            return new Outcome(null, UNREADABLE_TIME);
        }
    }

    @Test
    void shouldReadWhatTheSimulatorsSendAsTheTreeDecoderDid() {
        List<SimulatorObservationPayloads.Message> messages = SimulatorObservationPayloads.sample(60_000, 3_000);
        int events = 0;
        for (SimulatorObservationPayloads.Message m : messages) {
            Outcome expected = treeOutcome(m.topic(), m.payload());
            assertThat(expected.refusal()).as("the tree decoder refused a simulator payload").isNull();
            assertThat(streamingOutcome(m.topic(), m.payload())).as(text(m.payload())).isEqualTo(expected);
            events += expected.report().pumpEvent() != null ? 1 : 0;
        }
        assertThat(messages).hasSizeGreaterThan(2_000);
        assertThat(events).as("pump events in the corpus").isPositive();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("edgeCases")
    void shouldReadEachEdgeCaseAsTheTreeDecoderDid(String name, String topic, byte[] payload) {
        assertThat(streamingOutcome(topic, payload)).as(text(payload)).isEqualTo(treeOutcome(topic, payload));
    }

    @Test
    void shouldReadAFuzzedCorpusAsTheTreeDecoderDid() {
        List<byte[]> seeds = new ArrayList<>();
        SimulatorObservationPayloads.sample(60_000, 300).forEach(m -> seeds.add(m.payload()));
        edgeCases().map(a -> (byte[]) a.get()[2]).filter(p -> treeOutcome(TOPIC, p).report() != null).forEach(seeds::add);
        Random random = new Random(FUZZ_SEED);
        Map<String, Integer> refusals = new HashMap<>();
        int accepted = 0;
        List<String> mismatches = new ArrayList<>();
        for (int i = 0; i < FUZZ_CASES; i++) {
            byte[] payload = seeds.get(random.nextInt(seeds.size()));
            int mutations = 1 + random.nextInt(3);
            for (int m = 0; m < mutations; m++) {
                payload = mutate(payload, random);
            }
            Outcome expected = treeOutcome(TOPIC, payload);
            Outcome actual = streamingOutcome(TOPIC, payload);
            if (!expected.equals(actual) && mismatches.size() < 10) {
                mismatches.add(text(payload) + "\n  tree:      " + expected + "\n  streaming: " + actual);
            }
            if (expected.report() != null) {
                accepted++;
            } else {
                refusals.merge(expected.refusal(), 1, Integer::sum);
            }
        }
        assertThat(mismatches).as("payloads read differently").isEmpty();
        // The corpus must exercise both sides, and many different refusals, to mean anything.
        assertThat(accepted).isGreaterThan(FUZZ_CASES / 10);
        assertThat(refusals.getOrDefault("payload is not valid JSON", 0)).isGreaterThan(FUZZ_CASES / 10);
        assertThat(refusals).hasSizeGreaterThan(20);
    }

    @Test
    void shouldRefuseAnInstantBeyondEpochMillisecondsWhereTheTreeDecoderThrew() {
        byte[] payload = bytes("{\"msgId\":\"M-1\",\"time\":\"+300000000-01-01T00:00:00Z\",\"obs\":[{\"code\":1,\"value\":1}]}");
        assertThatThrownBy(() -> tree.decode(TOPIC, payload)).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> streaming.decode(TOPIC, payload)).isInstanceOf(PayloadException.class)
                .hasMessage(UNREADABLE_TIME);
    }

    // ----- the hand-written cases

    private static final String TIME = "\"time\":\"2026-11-22T10:15:30Z\"";
    private static final String HEAD = "\"msgId\":\"M-1\"," + TIME;

    /** A report with one observation made of {@code fields}. */
    private static String oneObs(String fields) {
        return "{" + HEAD + ",\"obs\":[{" + fields + "}]}";
    }

    /** A report with only an event made of {@code fields}. */
    private static String eventOnly(String fields) {
        return "{" + HEAD + ",\"event\":{" + fields + "}}";
    }

    /** A report whose time is {@code time}, with one observation that has no time of its own. */
    private static String reportTime(String time) {
        return "{\"msgId\":\"M-1\",\"time\":" + time + ",\"obs\":[{\"code\":150456,\"value\":94}]}";
    }

    /** An observation with its own time {@code time}. */
    private static String observationTime(String time) {
        return oneObs("\"code\":150456,\"value\":94,\"time\":" + time);
    }

    static Stream<Arguments> edgeCases() {
        List<Arguments> cases = new ArrayList<>();
        // The whole payload.
        add(cases, "empty payload", "");
        add(cases, "only whitespace", "  \n ");
        add(cases, "not json", "{not json");
        add(cases, "root null", "null");
        add(cases, "root array", "[{\"msgId\":\"M-1\"}]");
        add(cases, "root unterminated array", "[1,2");
        add(cases, "root unterminated string", "\"abc");
        add(cases, "root string", "\"abc\"");
        add(cases, "root number", "42");
        add(cases, "root number with junk", "42x");
        add(cases, "root true", "true");
        add(cases, "root bad literal", "tru");
        add(cases, "empty object", "{}");
        add(cases, "unterminated object", "{" + HEAD);
        add(cases, "unterminated obs array", "{" + HEAD + ",\"obs\":[{\"code\":1,\"value\":1}");
        add(cases, "trailing junk", oneObs("\"code\":1,\"value\":1") + " junk");
        add(cases, "trailing brace", oneObs("\"code\":1,\"value\":1") + "}");
        add(cases, "trailing second object", oneObs("\"code\":1,\"value\":1") + "{\"a\":");
        add(cases, "trailing NUL", oneObs("\"code\":1,\"value\":1") + "\u0000");
        add(cases, "byte order mark", "\uFEFF" + oneObs("\"code\":1,\"value\":1"));
        add(cases, "comment", "/* c */" + oneObs("\"code\":1,\"value\":1"));
        add(cases, "single quotes", "{'msgId':'M-1'}");
        add(cases, "NaN literal", oneObs("\"code\":1,\"value\":NaN"));
        add(cases, "leading zero", oneObs("\"code\":01,\"value\":1"));
        add(cases, "doc example", """
                {
                  "msgId": "VENT-BED01-000042",
                  "time": "2026-11-22T10:15:00Z",
                  "obs": [
                    {"code": 151720, "refId": "MDC_VENT_CONC_AWAY_O2", "value": 40, "unit": "MDC_DIM_PERCENT", "kind": "setting"},
                    {"code": 151804, "refId": "MDC_PRESS_AWAY_END_EXP_POS", "value": 8, "unit": "MDC_DIM_CM_H2O", "kind": "setting"},
                    {"code": 150456, "refId": "MDC_PULS_OXIM_SAT_O2", "value": 94, "unit": "MDC_DIM_PERCENT", "time": "2026-11-22T10:14:58Z"}
                  ]
                }""");
        // Bad bytes and escapes, also where nobody reads.
        add(cases, "bad escape in an unknown field", "{" + HEAD + ",\"x\":\"a\\qb\",\"obs\":[{\"code\":1,\"value\":1}]}");
        add(cases, "bad escape deep in an unknown field", "{" + HEAD + ",\"x\":{\"y\":[\"a\\qb\"]},\"obs\":[{\"code\":1,\"value\":1}]}");
        add(cases, "control character in a string", "{" + HEAD + ",\"x\":\"a\u0001b\",\"obs\":[{\"code\":1,\"value\":1}]}");
        add(cases, "lone surrogate escape", "{" + HEAD + ",\"x\":\"\\ud800\",\"obs\":[{\"code\":1,\"value\":1}]}");
        add(cases, "escaped key", "{\"ms\\u0067Id\":\"M-1\"," + TIME + ",\"obs\":[{\"code\":1,\"value\":1}]}");
        add(cases, "unicode text", oneObs("\"code\":1,\"value\":\"d\u00e9bit \u4e2d \ud83d\ude00\""));
        cases.add(Arguments.of("bad UTF-8 in an unknown field", TOPIC,
                concat(bytes("{" + HEAD + ",\"x\":\"a"), new byte[] {(byte) 0xC3, (byte) 0x28},
                        bytes("\",\"obs\":[{\"code\":1,\"value\":1}]}"))));
        cases.add(Arguments.of("bad UTF-8 deep in an unknown field", TOPIC,
                concat(bytes("{" + HEAD + ",\"x\":[{\"y\":\"a"), new byte[] {(byte) 0xE2, (byte) 0x82},
                        bytes("\"}],\"obs\":[{\"code\":1,\"value\":1}]}"))));
        cases.add(Arguments.of("truncated UTF-8 in a key", TOPIC,
                concat(bytes("{" + HEAD + ",\"x"), new byte[] {(byte) 0xF0, (byte) 0x9F},
                        bytes("\":1,\"obs\":[{\"code\":1,\"value\":1}]}"))));
        add(cases, "nesting too deep in an unknown field",
                "{" + HEAD + ",\"x\":" + "[".repeat(3_000) + "]".repeat(3_000) + ",\"obs\":[{\"code\":1,\"value\":1}]}");
        add(cases, "number too long in an unknown field",
                "{" + HEAD + ",\"x\":" + "9".repeat(2_000) + ",\"obs\":[{\"code\":1,\"value\":1}]}");
        add(cases, "nested unknown fields", "{" + HEAD + ",\"x\":{\"obs\":5,\"time\":[1,{\"a\":null}]},\"y\":[],"
                + "\"obs\":[{\"code\":1,\"value\":1,\"z\":{\"value\":null,\"kind\":\"bad\"}}]}");
        // msgId.
        add(cases, "msgId missing", "{" + TIME + ",\"obs\":[{\"code\":1,\"value\":1}]}");
        for (String v : new String[] {"null", "\"\"", "\"   \"", "\"\\t\"", "123", "-0", "1.5", "1e2", "true", "false", "{}",
                "[]", "[\"M\"]", "12345678901234567890123", "\"\\u00e9\""}) {
            add(cases, "msgId " + v, "{\"msgId\":" + v + "," + TIME + ",\"obs\":[{\"code\":1,\"value\":1}]}");
        }
        add(cases, "msgId twice, the last blank", "{\"msgId\":\"M-1\",\"msgId\":\" \"," + TIME + ",\"obs\":[{\"code\":1,\"value\":1}]}");
        add(cases, "msgId twice, the last good", "{\"msgId\":null,\"msgId\":\"M-2\"," + TIME + ",\"obs\":[{\"code\":1,\"value\":1}]}");
        add(cases, "msgId last of all", "{" + TIME + ",\"obs\":[{\"code\":1,\"value\":1}],\"msgId\":\"M-9\"}");
        // The report's time.
        add(cases, "time missing", "{\"msgId\":\"M-1\",\"obs\":[{\"code\":1,\"value\":1}]}");
        for (String v : new String[] {"null", "\"2026-11-22T10:15:30Z\"", "\"2026-11-22T10:15:30.5Z\"",
                "\"2026-11-22T10:15:30.123456789Z\"", "\"2026-11-22T10:15:30.1234567891Z\"", "\"2026-11-22T10:15:30.Z\"",
                "\"2026-11-22T10:15:30+01:00\"", "\"2026-11-22T10:15:30-05:00\"", "\"2026-11-22T10:15:30+18:00\"",
                "\"2026-11-22T10:15:30+19:00\"", "\"2026-11-22T10:15:30+01:00:30\"", "\"2026-11-22T10:15:30+0100\"",
                "\"2026-11-22t10:15:30z\"", "\"2026-11-22T24:00:00Z\"", "\"2026-11-22T23:59:60Z\"", "\"2026-11-22T10:15Z\"",
                "\"2024-02-29T00:00:00Z\"", "\"2026-02-29T00:00:00Z\"", "\"2026-04-31T00:00:00Z\"", "\"+12026-11-22T10:15:30Z\"",
                "\"-0001-11-22T10:15:30Z\"", "\"0000-01-01T00:00:00Z\"", "\" 2026-11-22T10:15:30Z\"", "\"\"", "\"   \"",
                "\"yesterday\"", "1795342530000", "-1", "0", "-0", "9223372036854775807", "12345678901234567890123",
                "1.5", "1795342530000.0", "1e3", "true", "false", "{}", "[]", "[1795342530000]"}) {
            add(cases, "time " + v, reportTime(v));
        }
        add(cases, "time after obs", "{\"msgId\":\"M-1\",\"obs\":[{\"code\":1,\"value\":1}]," + TIME + "}");
        add(cases, "time twice, around obs", "{\"msgId\":\"M-1\"," + TIME + ",\"obs\":[{\"code\":1,\"value\":1}],"
                + "\"time\":1795342530000}");
        add(cases, "time twice, the same", "{\"msgId\":\"M-1\"," + TIME + ",\"obs\":[{\"code\":1,\"value\":1}]," + TIME + "}");
        add(cases, "time twice, the last null", "{\"msgId\":\"M-1\"," + TIME + ",\"obs\":[{\"code\":1,\"value\":1}],\"time\":null}");
        add(cases, "time twice, the last unreadable", "{\"msgId\":\"M-1\"," + TIME + ",\"obs\":[{\"code\":1,\"value\":1}],\"time\":1.5}");
        add(cases, "time unreadable then good", "{\"msgId\":\"M-1\",\"time\":\"x\",\"obs\":[{\"code\":1,\"value\":1}]," + TIME + "}");
        add(cases, "time after obs, some timed", "{\"msgId\":\"M-1\",\"obs\":[{\"code\":1,\"value\":1,\"time\":5},"
                + "{\"code\":2,\"value\":2},{\"code\":3,\"value\":3,\"time\":null}]," + TIME + "}");
        add(cases, "time after obs and event", "{\"msgId\":\"M-1\",\"obs\":[{\"code\":1,\"value\":1}],"
                + "\"event\":{\"code\":197288},\"time\":42}");
        add(cases, "time after a bad obs", "{\"msgId\":\"M-1\",\"obs\":[{\"code\":1,\"value\":1},{\"value\":1}]," + TIME + "}");
        add(cases, "missing msgId and time after obs", "{\"obs\":[{\"code\":1,\"value\":1}]," + TIME + "}");
        // obs as a whole.
        add(cases, "obs missing, no event", "{" + HEAD + "}");
        for (String v : new String[] {"null", "{}", "\"x\"", "5", "true", "[]", "[1]", "[null]", "[[]]", "[\"x\"]", "[{}]",
                "[{\"code\":1,\"value\":1},5]", "[{\"code\":1,\"value\":1},{}]", "[{},{\"code\":1}]", "[5,{}]"}) {
            add(cases, "obs " + v, "{" + HEAD + ",\"obs\":" + v + "}");
        }
        add(cases, "obs before msgId, msgId missing", "{\"obs\":5," + TIME + "}");
        add(cases, "obs bad, then a syntax error", "{" + HEAD + ",\"obs\":[{}],\"x\":[}");
        add(cases, "obs bad, msgId missing", "{" + TIME + ",\"obs\":[{}]}");
        add(cases, "obs twice, the first bad", "{" + HEAD + ",\"obs\":[{}],\"obs\":[{\"code\":1,\"value\":1}]}");
        add(cases, "obs twice, the last bad", "{" + HEAD + ",\"obs\":[{\"code\":1,\"value\":1}],\"obs\":[5]}");
        add(cases, "obs twice, the last null", "{" + HEAD + ",\"obs\":[{\"code\":1,\"value\":1}],\"obs\":null}");
        add(cases, "obs twice, the last not an array", "{" + HEAD + ",\"obs\":[{\"code\":1,\"value\":1}],\"obs\":{}}");
        add(cases, "obs twice, the last null, with event",
                "{" + HEAD + ",\"obs\":[{\"code\":1,\"value\":1}],\"obs\":null,\"event\":{\"code\":197288}}");
        add(cases, "obs many", "{" + HEAD + ",\"obs\":[" + String.join(",",
                Collections.nCopies(200, "{\"code\":150456,\"value\":94.5,\"unit\":\"MDC_DIM_PERCENT\"}")) + "]}");
        // An observation's code and reference id.
        for (String v : new String[] {"0", "150456", "-1", "\"123\"", "\" 12 \"", "\"abc\"", "\"1.9\"", "\"1e3\"", "\"99999999999\"",
                "\"NaN\"", "\"Infinity\"", "\"1d\"", "\"\"", "1.9", "-1.9", "1e10", "-1e10", "1e400", "4294967297",
                "12345678901234567890123", "true", "false", "null", "{}", "[1]"}) {
            add(cases, "code " + v + " without refId", oneObs("\"code\":" + v + ",\"value\":1"));
            add(cases, "code " + v + " with refId", oneObs("\"code\":" + v + ",\"refId\":\"MDC_X\",\"value\":1"));
        }
        for (String v : new String[] {"\"\"", "\" \"", "null", "5", "1.5", "true", "{}", "[\"a\"]", "\"MDC_PULS_OXIM_SAT_O2\""}) {
            add(cases, "refId " + v + " without code", oneObs("\"refId\":" + v + ",\"value\":1"));
        }
        add(cases, "code twice, the last 0", oneObs("\"code\":5,\"code\":0,\"value\":1"));
        add(cases, "code twice, the last good", oneObs("\"code\":0,\"value\":1,\"code\":7"));
        // An observation's value.
        for (String v : new String[] {"94", "94.5", "-0", "-0.0", "0.1e1", "1e400", "-1e400", "1e-400", "4.9e-324",
                "12345678901234567890123", "9223372036854775807", "123456789.123456789", "1.0E10", "0.000001", "0.0000001",
                "\"94\"", "\"\"", "\"  \"", "true", "false", "null", "{}", "[]", "[1]", "{\"a\":1}"}) {
            add(cases, "value " + v, oneObs("\"code\":1,\"value\":" + v));
        }
        add(cases, "value missing", oneObs("\"code\":1"));
        add(cases, "value twice, the last text", oneObs("\"code\":1,\"value\":1,\"value\":\"a\""));
        add(cases, "value twice, the last null", oneObs("\"code\":1,\"value\":1,\"value\":null"));
        // An observation's kind and unit.
        for (String v : new String[] {"\"setting\"", "\"calculation\"", "\"measurement\"", "\"Setting\"", "\"setting \"",
                "\"settings\"", "\"\"", "null", "1", "true", "{}", "[\"setting\"]", "\"sett\\u0069ng\""}) {
            add(cases, "kind " + v, oneObs("\"code\":1,\"value\":1,\"kind\":" + v));
        }
        add(cases, "kind twice, the last good", oneObs("\"code\":1,\"value\":1,\"kind\":\"x\",\"kind\":\"setting\""));
        add(cases, "kind bad and time bad", oneObs("\"code\":1,\"value\":1,\"kind\":\"x\",\"time\":\"x\""));
        add(cases, "value missing and kind bad", oneObs("\"code\":1,\"kind\":\"x\""));
        for (String v : new String[] {"\"MDC_DIM_PERCENT\"", "\"\"", "null", "5", "2.50", "false", "{}", "[1,2]"}) {
            add(cases, "unit " + v, oneObs("\"code\":1,\"value\":1,\"unit\":" + v));
        }
        // An observation's own time.
        for (String v : new String[] {"\"2026-11-22T10:14:58Z\"", "\"2026-11-22T10:14:58.250+02:00\"", "1795342498000",
                "-5", "null", "1.5", "\"x\"", "\"\"", "true", "{}", "[]", "12345678901234567890123"}) {
            add(cases, "obs time " + v, observationTime(v));
        }
        add(cases, "obs keys in another order", "{\"obs\":[{\"kind\":\"setting\",\"unit\":\"U\",\"value\":3,\"refId\":\"R\","
                + "\"code\":9}],\"time\":12,\"msgId\":\"M-3\"}");
        add(cases, "obs with unknown keys", oneObs("\"a\":1,\"code\":1,\"b\":[{\"c\":\"d\"}],\"value\":1,\"e\":{}"));
        // The pump event.
        add(cases, "event start", eventOnly("\"code\":197288,\"refId\":\"MDC_EVT_PUMP_DELIV_START\",\"drug\":\"KIT-0042\","
                + "\"rateMlPerHour\":100,\"weightKg\":80"));
        add(cases, "event complete by refId", eventOnly("\"refId\":\"MDC_EVT_PUMP_DELIV_COMP\""));
        add(cases, "event complete by refId, code 0", eventOnly("\"code\":0,\"refId\":\"MDC_EVT_PUMP_DELIV_COMP\""));
        add(cases, "event other refId", eventOnly("\"refId\":\"MDC_EVT_PUMP_X\""));
        add(cases, "event empty", eventOnly(""));
        add(cases, "event code as string", eventOnly("\"code\":\"197288\""));
        add(cases, "event everything", eventOnly("\"code\":197288,\"refId\":\"R\",\"drug\":\"D\",\"rateMlPerHour\":12.5,"
                + "\"concentration\":0.08,\"concentrationUnit\":\"MDC_DIM_MILLI_G_PER_ML\",\"weightKg\":80,\"time\":\"2026-11-22T11:00:00Z\""));
        for (String field : new String[] {"rateMlPerHour", "concentration", "weightKg"}) {
            for (String v : new String[] {"null", "1", "-0.0", "12345678901234567890123", "\"1\"", "true", "{}", "[]"}) {
                add(cases, "event " + field + " " + v, eventOnly("\"code\":197288,\"" + field + "\":" + v));
            }
        }
        for (String v : new String[] {"5", "null", "true", "{}", "[1]"}) {
            add(cases, "event drug " + v, eventOnly("\"code\":197288,\"drug\":" + v));
            add(cases, "event concentrationUnit " + v, eventOnly("\"code\":197288,\"concentrationUnit\":" + v));
        }
        for (String v : new String[] {"\"2026-11-22T11:00:00Z\"", "1", "null", "1.5", "\"x\"", "{}"}) {
            add(cases, "event time " + v, eventOnly("\"code\":197288,\"time\":" + v));
        }
        add(cases, "event rate and weight bad", eventOnly("\"code\":197288,\"weightKg\":\"x\",\"rateMlPerHour\":\"y\""));
        add(cases, "event bad and time bad", eventOnly("\"rateMlPerHour\":\"y\",\"time\":\"x\""));
        for (String v : new String[] {"null", "\"x\"", "5", "true", "[]", "[{\"code\":197288}]"}) {
            add(cases, "event " + v + " alone", "{" + HEAD + ",\"event\":" + v + "}");
            add(cases, "event " + v + " with obs", "{" + HEAD + ",\"obs\":[{\"code\":1,\"value\":1}],\"event\":" + v + "}");
        }
        add(cases, "event with empty obs", "{" + HEAD + ",\"obs\":[],\"event\":{\"code\":197288}}");
        add(cases, "event and obs", "{" + HEAD + ",\"event\":{\"code\":197288},\"obs\":[{\"code\":1,\"value\":1}]}");
        add(cases, "event twice, the last null", "{" + HEAD + ",\"event\":{\"code\":197288},\"event\":null}");
        add(cases, "event twice, the last bad", "{" + HEAD + ",\"event\":{\"code\":197288},\"event\":{}}");
        add(cases, "event twice, the last good", "{" + HEAD + ",\"event\":{},\"event\":{\"refId\":\"R\"}}");
        add(cases, "event bad and obs bad", "{" + HEAD + ",\"event\":{},\"obs\":[{}]}");
        add(cases, "event before time, time after", "{\"msgId\":\"M-1\",\"event\":{\"code\":197288},\"time\":77}");
        // Topics (checked before the payload).
        for (String topic : new String[] {"icu/ICU-A/BED01/obs", "icu/ICU-A//VENT/obs", "icu/ICU-A/BED01/VENT/entries",
                "ward/ICU-A/BED01/VENT/obs", "icu/ICU-A/BED01/VENT/obs/x", "icu/ICU-A/BED01/VENT/obs/", "/icu/A/B/C/obs",
                "", "/", "////", "icu////obs", "icu/A/B//obs", "icu//B/C/obs", "ICU/A/B/C/obs", "icu/A/B/C/ob", "icu/A/B/C/obsx",
                "icux/A/B/C/obs", "ic/A/B/C/obs", "icu/A/B/C/D/obs", "icu/A/B/C//obs", "icu/A/B/C/obs//"}) {
            cases.add(Arguments.of("topic " + topic, topic, bytes("{not json")));
        }
        cases.add(Arguments.of("topic with other names", "icu/ICU-Z/BED-77/PUMP-9.1/obs",
                bytes(eventOnly("\"code\":197288"))));
        return cases.stream();
    }

    private static void add(List<Arguments> cases, String name, String payload) {
        cases.add(Arguments.of(name, TOPIC, bytes(payload)));
    }

    // ----- the fuzzer

    /** Field names of the schema, so duplicates and type changes hit fields that are read. */
    private static final String[] FIELDS = {"msgId", "time", "obs", "event", "code", "refId", "value", "unit", "kind",
        "drug", "rateMlPerHour", "concentration", "concentrationUnit", "weightKg", "x"};
    private static final String[] VALUES = {"null", "\"\"", "\" \"", "\"123\"", "\"abc\"", "\"setting\"", "0", "-0", "1",
        "1.5", "-2.75", "1e400", "12345678901234567890123", "true", "false", "{}", "[]", "[1]", "{\"code\":1,\"value\":2}",
        "[{\"code\":1,\"value\":2}]", "\"2026-11-22T10:15:30.25+01:00\"", "\"2026-11-22T10:15:30Z\"", "1795342530000",
        "\"MDC_EVT_PUMP_DELIV_COMP\""};
    private static final byte[] ALPHABET = bytes("{}[]\":,0123456789-+.eE tnfrul\\Z:T");

    private byte[] mutate(byte[] payload, Random random) {
        return switch (random.nextInt(9)) {
            case 0 -> deleteBytes(payload, random);
            case 1 -> duplicateBytes(payload, random);
            case 2 -> insertByte(payload, random);
            case 3 -> replaceByte(payload, random);
            case 4 -> payload.length == 0 ? payload : java.util.Arrays.copyOf(payload, random.nextInt(payload.length));
            case 5 -> reorderFields(payload, random);
            case 6 -> changeType(payload, random);
            default -> insertField(payload, random);
        };
    }

    private static byte[] deleteBytes(byte[] p, Random random) {
        if (p.length == 0) {
            return p;
        }
        int at = random.nextInt(p.length);
        int count = Math.min(p.length - at, 1 + random.nextInt(3));
        return concat(slice(p, 0, at), slice(p, at + count, p.length));
    }

    private static byte[] duplicateBytes(byte[] p, Random random) {
        if (p.length == 0) {
            return p;
        }
        int at = random.nextInt(p.length);
        int count = Math.min(p.length - at, 1 + random.nextInt(12));
        return concat(slice(p, 0, at + count), slice(p, at, p.length));
    }

    private static byte[] insertByte(byte[] p, Random random) {
        int at = random.nextInt(p.length + 1);
        byte b = random.nextInt(5) == 0 ? (byte) (0x80 + random.nextInt(0x80)) : ALPHABET[random.nextInt(ALPHABET.length)];
        return concat(slice(p, 0, at), new byte[] {b}, slice(p, at, p.length));
    }

    private static byte[] replaceByte(byte[] p, Random random) {
        if (p.length == 0) {
            return p;
        }
        byte[] out = p.clone();
        out[random.nextInt(out.length)] = ALPHABET[random.nextInt(ALPHABET.length)];
        return out;
    }

    /** Shuffles the keys of the root and of every object inside it (valid JSON only; else unchanged). */
    private byte[] reorderFields(byte[] p, Random random) {
        JsonNode root = treeOrNull(p);
        if (root == null) {
            return p;
        }
        return write(shuffled(root, random));
    }

    private static JsonNode shuffled(JsonNode node, Random random) {
        if (node.isObject()) {
            List<Map.Entry<String, JsonNode>> entries = new ArrayList<>();
            node.fields().forEachRemaining(entries::add);
            Collections.shuffle(entries, random);
            ObjectNode out = ((ObjectNode) node).objectNode();
            for (Map.Entry<String, JsonNode> e : entries) {
                out.set(e.getKey(), shuffled(e.getValue(), random));
            }
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = ((ArrayNode) node).arrayNode();
            node.forEach(child -> out.add(shuffled(child, random)));
            return out;
        }
        return node;
    }

    /** Replaces one value anywhere in the payload by a value of another type (valid JSON only; else unchanged). */
    private byte[] changeType(byte[] p, Random random) {
        JsonNode root = treeOrNull(p);
        if (root == null || !root.isContainerNode()) {
            return p;
        }
        List<JsonNode> containers = new ArrayList<>();
        collectContainers(root, containers);
        JsonNode target = containers.get(random.nextInt(containers.size()));
        if (target.size() == 0) {
            return p;
        }
        String value = VALUES[random.nextInt(VALUES.length)];
        JsonNode replacement = treeOrNull(bytes(value));
        if (replacement == null || value.equals("1e400")) {
            // Not representable in a tree as written: place it as text.
            return insertRaw(p, value, random);
        }
        if (target.isObject()) {
            List<String> names = new ArrayList<>();
            Iterator<String> it = target.fieldNames();
            it.forEachRemaining(names::add);
            ((ObjectNode) target).set(names.get(random.nextInt(names.size())), replacement);
        } else {
            ((ArrayNode) target).set(random.nextInt(target.size()), replacement);
        }
        return write(root);
    }

    private static void collectContainers(JsonNode node, List<JsonNode> out) {
        if (node.isContainerNode()) {
            out.add(node);
            node.forEach(child -> collectContainers(child, out));
        }
    }

    /** Adds {@code "field":value} at the start or the end of a random object: often a duplicate key. */
    private static byte[] insertField(byte[] p, Random random) {
        String field = "\"" + FIELDS[random.nextInt(FIELDS.length)] + "\":" + VALUES[random.nextInt(VALUES.length)];
        return insertRaw(p, field, random);
    }

    /** Puts {@code text} as the first or last member of a random object of the payload, text-wise. */
    private static byte[] insertRaw(byte[] p, String text, Random random) {
        List<Integer> braces = new ArrayList<>();
        for (int i = 0; i < p.length; i++) {
            if (p[i] == '{' || p[i] == '}') {
                braces.add(i);
            }
        }
        if (braces.isEmpty()) {
            return p;
        }
        int at = braces.get(random.nextInt(braces.size()));
        if (!text.contains(":")) {
            text = "\"" + FIELDS[random.nextInt(FIELDS.length)] + "\":" + text;
        }
        return p[at] == '{'
                ? concat(slice(p, 0, at + 1), bytes(text + ","), slice(p, at + 1, p.length))
                : concat(slice(p, 0, at), bytes("," + text), slice(p, at, p.length));
    }

    private JsonNode treeOrNull(byte[] p) {
        try {
            JsonNode node = json.readTree(p);
            return node == null || node.isMissingNode() ? null : node;
        } catch (IOException e) {
            return null;
        }
    }

    private byte[] write(JsonNode node) {
        try {
            return json.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ----- bytes

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] p) {
        String s = new String(p, StandardCharsets.UTF_8);
        return s.length() > 600 ? s.substring(0, 600) + "…" : s;
    }

    private static byte[] slice(byte[] p, int from, int to) {
        return java.util.Arrays.copyOfRange(p, from, to);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
