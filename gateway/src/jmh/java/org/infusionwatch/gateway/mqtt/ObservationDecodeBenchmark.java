package org.infusionwatch.gateway.mqtt;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.infusionwatch.agent.model.DeviceReport;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Reading one MQTT observation payload of the simulators, one thread:
 * <ul>
 *   <li>{@link #treeAndInstantParse} — the baseline: what the tree decoder this replaced spent its
 *       time on, {@code ObjectMapper.readTree} of the payload and {@code Instant.parse} of its
 *       times, reading every field it read, but without its checks or the report it built (the
 *       old decoder itself is kept only in the test sources, as the differential test's
 *       reference, so this stands in for it);</li>
 *   <li>{@link #streamingDecoder} — {@link ObservationPayloadDecoder}: topic, streamed payload,
 *       checks and the {@code DeviceReport};</li>
 *   <li>{@link #tokensOnly} — a reference, not a decoder: Jackson's streaming parser stepping
 *       over every token without reading values, the floor any decoder on it stands on.</li>
 * </ul>
 * Payloads are taken round-robin. {@code BenchmarkMain} prints each against the baseline.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ObservationDecodeBenchmark {
    private final ObjectMapper json = new ObjectMapper();
    private final ObservationPayloadDecoder decoder = new ObservationPayloadDecoder(json);
    private String[] topics;
    private byte[][] payloads;
    private int next;

    @Setup(Level.Trial)
    public void setUp() throws PayloadException {
        List<ObservationPayloadCorpus.Message> messages = ObservationPayloadCorpus.simulators();
        topics = new String[messages.size()];
        payloads = new byte[messages.size()][];
        long bytes = 0;
        for (int i = 0; i < messages.size(); i++) {
            topics[i] = messages.get(i).topic();
            payloads[i] = messages.get(i).payload();
            bytes += payloads[i].length;
            // Every payload must decode, or the benchmark would measure the refusal path.
            decoder.decode(topics[i], payloads[i]);
        }
        System.out.printf("%nsimulator corpus: %d payloads, %d bytes on average%n", payloads.length,
                bytes / Math.max(1, payloads.length));
    }

    @Benchmark
    public long treeAndInstantParse() throws IOException {
        JsonNode root = json.readTree(payloads[nextIndex()]);
        long sum = Instant.parse(root.get("time").asText()).toEpochMilli() + root.get("msgId").asText().length();
        for (JsonNode o : root.path("obs")) {
            JsonNode value = o.path("value");
            // asDouble() of a text node would parse it and catch the exception: the decoder never did.
            sum += o.path("code").asInt(0) + o.path("refId").asText().length()
                    + (value.isNumber() ? (long) value.asDouble() : value.asText().length())
                    + o.path("unit").asText().length() + o.path("kind").asText().length();
            JsonNode time = o.get("time");
            if (time != null) {
                sum += Instant.parse(time.asText()).toEpochMilli();
            }
        }
        JsonNode event = root.get("event");
        if (event != null) {
            sum += event.path("code").asInt(0) + (long) event.path("rateMlPerHour").asDouble();
        }
        return sum;
    }

    @Benchmark
    public DeviceReport streamingDecoder() throws PayloadException {
        int i = nextIndex();
        return decoder.decode(topics[i], payloads[i]);
    }

    /** Not a decoder: every token of the payload, no value read. */
    @Benchmark
    public int tokensOnly() throws IOException {
        int tokens = 0;
        try (JsonParser p = json.getFactory().createParser(payloads[nextIndex()])) {
            while (p.nextToken() != null) {
                tokens++;
            }
        }
        return tokens;
    }

    private int nextIndex() {
        int i = next;
        next = i + 1 == payloads.length ? 0 : i + 1;
        return i;
    }
}
