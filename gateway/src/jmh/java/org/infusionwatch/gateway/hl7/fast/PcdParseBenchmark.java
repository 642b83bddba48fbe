package org.infusionwatch.gateway.hl7.fast;

import ca.uhn.hl7v2.DefaultHapiContext;
import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.parser.PipeParser;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.infusionwatch.gateway.hl7.Hl7Decoded;
import org.infusionwatch.gateway.hl7.PcdMessageDecoder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Parsing one IHE PCD message, three ways, on the same corpus, one thread:
 * <ul>
 *   <li>{@link #hapiPipeParser} — the baseline: HAPI's PipeParser of a {@code DefaultHapiContext}
 *       ({@code new DefaultHapiContext().getPipeParser().parse(String)}), no report, no ACK;</li>
 *   <li>{@link #hapiDecoder} — the gateway's HAPI-based {@link PcdMessageDecoder}: charset, header,
 *       parse, report and ACK from the bytes;</li>
 *   <li>{@link #fastDecoder} — {@link FastPcdDecoder}: the same result (report and ACK) from the
 *       byte-level scanner;</li>
 *   <li>{@link #splitOnly} — a reference, not a decoder: a pass over the bytes counting CR and |.</li>
 * </ul>
 * Messages are taken round-robin so each call parses another message. {@code BenchmarkMain}
 * prints each against the baseline. Before measuring, the setup checks that both decoders give the
 * same reports on the corpus and that the scanner reads all of it.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class PcdParseBenchmark {

    /** {@code sims}: the simulators' reports; {@code samples}: real PCD messages from vendors and IHE. */
    @Param({"sims", "samples"})
    public String corpus;

    private byte[][] messages;
    private String[] texts;
    private int next;
    private PipeParser pipeParser;
    private PcdMessageDecoder hapi;
    private FastPcdDecoder fast;

    @Setup(Level.Trial)
    public void setUp() {
        pipeParser = new DefaultHapiContext().getPipeParser();
        hapi = new PcdMessageDecoder(Clock.systemUTC(), "INFUSIONWATCH");
        fast = new FastPcdDecoder(Clock.systemUTC(), "INFUSIONWATCH");
        List<byte[]> usable = new ArrayList<>();
        int skipped = 0;
        for (byte[] message : PcdCorpus.named(corpus)) {
            Hl7Decoded expected = hapi.decode(message);
            if (!expected.accepted() || !parsesWithDefaults(message)) {
                // A refusal measures HAPI's refusal path, and the baseline must parse what the others do.
                skipped++;
                continue;
            }
            Hl7Decoded actual = fast.decode(message);
            if (!Objects.equals(expected.report(), actual.report())) {
                throw new IllegalStateException("fast and HAPI decoders differ on " + expected.controlId());
            }
            usable.add(message);
        }
        if (fast.delegatedCount() > 0) {
            throw new IllegalStateException("corpus not read by the scanner alone: " + fast.delegatedByReason());
        }
        messages = usable.toArray(new byte[0][]);
        texts = new String[messages.length];
        long bytes = 0;
        for (int i = 0; i < messages.length; i++) {
            texts[i] = new String(messages[i], StandardCharsets.UTF_8);
            bytes += messages[i].length;
        }
        System.out.printf("%n%s corpus: %d messages, %d bytes on average (%d left out)%n", corpus, messages.length,
                bytes / Math.max(1, messages.length), skipped);
    }

    /** The default context validates: it rejects e.g. fields withdrawn in v2.6 that devices still send. */
    private boolean parsesWithDefaults(byte[] message) {
        try {
            pipeParser.parse(new String(message, StandardCharsets.UTF_8));
            return true;
        } catch (HL7Exception e) {
            return false;
        }
    }

    @Benchmark
    public Message hapiPipeParser() throws HL7Exception {
        return pipeParser.parse(texts[nextIndex()]);
    }

    @Benchmark
    public Hl7Decoded hapiDecoder() {
        return hapi.decode(messages[nextIndex()]);
    }

    @Benchmark
    public Hl7Decoded fastDecoder() {
        return fast.decode(messages[nextIndex()]);
    }

    /**
     * Not a decoder: only counts the CR and {@code |} of the message, the floor any parser of these
     * bytes stands on (the "merely splitting" figure).
     */
    @Benchmark
    public int splitOnly() {
        byte[] message = messages[nextIndex()];
        int delimiters = 0;
        for (byte b : message) {
            if (b == '\r' || b == '|') {
                delimiters++;
            }
        }
        return delimiters;
    }

    private int nextIndex() {
        int i = next;
        next = i + 1 == messages.length ? 0 : i + 1;
        return i;
    }
}
