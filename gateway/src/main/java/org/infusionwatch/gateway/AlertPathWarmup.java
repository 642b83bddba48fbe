package org.infusionwatch.gateway;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.infusionwatch.agent.alerts.AgentCore;
import org.infusionwatch.agent.alerts.AlertBook;
import org.infusionwatch.agent.engine.EngineConfig;
import org.infusionwatch.agent.engine.Enrolment;
import org.infusionwatch.agent.engine.RuleEngine;
import org.infusionwatch.agent.model.AgentNotice;
import org.infusionwatch.agent.model.Alert;
import org.infusionwatch.agent.model.AlertChange;
import org.infusionwatch.agent.model.BedRef;
import org.infusionwatch.agent.model.DeviceReport;
import org.infusionwatch.agent.model.InfusionNotice;
import org.infusionwatch.agent.protocol.ProtocolProfile;
import org.infusionwatch.gateway.hl7.Hl7Decoded;
import org.infusionwatch.gateway.hl7.fast.FastPcdDecoder;
import org.infusionwatch.gateway.mqtt.NoticeJson;
import org.infusionwatch.gateway.mqtt.ObservationPayloadDecoder;
import org.infusionwatch.gateway.mqtt.PayloadException;
import org.infusionwatch.sims.Transport;
import org.infusionwatch.sims.model.ClinicianEntry;
import org.infusionwatch.sims.model.DeviceSample;
import org.infusionwatch.sims.model.monitor.MonitorAlarm;
import org.infusionwatch.sims.scenario.AdjustVentilator;
import org.infusionwatch.sims.scenario.BedOutput;
import org.infusionwatch.sims.scenario.BedSimulation;
import org.infusionwatch.sims.scenario.MonitorAlarmChange;
import org.infusionwatch.sims.scenario.Scenario;
import org.infusionwatch.sims.scenario.Scenarios;
import org.infusionwatch.sims.scenario.StartInfusion;
import org.infusionwatch.sims.scenario.StartVasopressor;
import org.infusionwatch.sims.wire.DeviceAddress;
import org.infusionwatch.sims.wire.Hl7DeviceSink;
import org.infusionwatch.sims.wire.JsonMessages;
import org.infusionwatch.sims.wire.MqttTopics;
import org.infusionwatch.sims.wire.Pcd04Writer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Raises alerts on a private engine at start-up so that the code the engine thread runs for a
 * real alert is compiled before the first one.
 *
 * <p>Alerts are rare: an ICU bed may raise one a day, so left alone the JIT compiler never
 * compiles the code that builds an alert (the rule's evidence, the alert's id and context, the
 * alert book, the JSON the publisher sends), and the steady state compiles the engine's rule pass
 * with "no alert" as the only case it has seen. Measured on the project's machines
 * ({@code AlertPathBenchmark}): the first alerts of a process cost the engine thread about 2.5 ms
 * each (the alert and its JSON), against 60 µs after this warm-up and 20–25 µs once compiled.
 * Inputs wait behind each one, and a burst of simultaneous alerts adds up.
 *
 * <p>A simulated bed (the simulators' models, written as the devices would write them and read
 * back by the gateway's own decoders, HL7 and MQTT JSON) receives a study infusion, then a
 * ventricular-tachycardia alarm, a vasopressor dose over the threshold and raised ventilator
 * settings: three alerts of three rules within 20 minutes of event time, each escalated a minute
 * later. Its inputs are recorded once and replayed into a fresh engine per round. Everything stays
 * inside this object: its own engine, alert book and enrolment; the JSON is written by the
 * gateway's {@link NoticeJson} (so its serializers are the ones warmed) and thrown away. Nothing is
 * published, logged or journalled.
 *
 * <p>Not thread-safe; {@link #run} is called once, on a thread of its own, and stops early when
 * asked or when its time budget is spent.
 */
public final class AlertPathWarmup {
    private static final Logger LOG = LoggerFactory.getLogger(AlertPathWarmup.class);
    /** However many alerts were asked for, a warm-up gives the start-up's CPU back after this. */
    private static final long BUDGET_NANOS = TimeUnit.SECONDS.toNanos(10);
    private static final String UNIT = "~WARMUP";
    private static final String BED = "W1";
    private static final long START_MS = Instant.parse("2026-01-01T00:00:00Z").toEpochMilli();
    private static final long REPORT_PERIOD_MS = 30_000;
    private static final Duration ONSET = Duration.ofMinutes(2);
    /** Escalates each alert a minute after it is raised, so that escalations are warmed too. */
    private static final long ESCALATE_AFTER_MS = 60_000;
    /** The last of the three alerts (hypoxemia: settings raised at T0+1 min, held 15 min) falls before this. */
    private static final long PLAY_UNTIL_MS = START_MS + ONSET.plusMinutes(20).toMillis();

    private final ProtocolProfile profile;
    private final NoticeJson json;
    private final LongSupplier nanoClock;
    private volatile boolean stopped;

    /** What a warm-up did. */
    public record Result(int rounds, int alerts, long elapsedNanos, boolean complete) {
    }

    /**
     * @param profile   the protocol the gateway runs (its rules are the ones warmed)
     * @param json      the gateway's own notice writer
     * @param nanoClock time for the budget ({@code System::nanoTime} in the gateway)
     */
    public AlertPathWarmup(ProtocolProfile profile, NoticeJson json, LongSupplier nanoClock) {
        this.profile = profile;
        this.json = json;
        this.nanoClock = nanoClock;
    }

    /**
     * Raises at least {@code alerts} alerts, or fewer if {@code budgetNanos} runs out or
     * {@link #stop} is called first.
     *
     * @throws IllegalStateException if a round raises nothing (the scenario no longer fits the
     *                               rules): a warm-up that warms nothing must not pass unnoticed
     */
    public Result run(int alerts, long budgetNanos) {
        long start = nanoClock.getAsLong();
        List<Object> overHl7 = record(0);
        List<Object> overMqtt = record(3);
        int raised = 0;
        int rounds = 0;
        while (raised < alerts && !stopped && nanoClock.getAsLong() - start < budgetNanos) {
            int round = play(rounds % 2 == 0 ? overHl7 : overMqtt);
            if (round == 0) {
                throw new IllegalStateException("the warm-up bed raised no alert under protocol " + profile.name());
            }
            raised += round;
            rounds++;
        }
        return new Result(rounds, raised, nanoClock.getAsLong() - start, raised >= alerts);
    }

    /**
     * Runs the warm-up on a daemon thread of its own ({@code alert-path-warmup}) and logs what it
     * did; closing the returned handle stops it after its current round and waits for the thread.
     */
    public AutoCloseable inBackground(int alerts) {
        Thread thread = new Thread(() -> {
            try {
                Result r = run(alerts, BUDGET_NANOS);
                LOG.info("alert path warmed on a private simulated bed: {} alerts in {} ms{} (nothing published or logged)",
                        r.alerts(), TimeUnit.NANOSECONDS.toMillis(r.elapsedNanos()),
                        r.complete() ? "" : ", stopped early");
            } catch (RuntimeException e) {
                LOG.warn("alert path warm-up failed; the first alerts will run on code not yet compiled", e);
            }
        }, "alert-path-warmup");
        thread.setDaemon(true);
        thread.start();
        return () -> {
            stop();
            thread.join();
        };
    }

    /** Ends a running warm-up after its current round. */
    public void stop() {
        stopped = true;
    }

    /** What the engine says in one round (over HL7): what the warm-up covers. */
    public List<AgentNotice> noticesOfOneRound() {
        AgentCore engine = freshEngine();
        List<AgentNotice> out = new ArrayList<>();
        for (Object input : record(0)) {
            apply(engine, input, out);
        }
        return out;
    }

    private int play(List<Object> inputs) {
        AgentCore engine = freshEngine();
        List<AgentNotice> out = new ArrayList<>();
        int alerts = 0;
        for (int i = 0; i < inputs.size(); i++) {
            apply(engine, inputs.get(i), out);
            for (int n = 0; n < out.size(); n++) {
                alerts += write(out.get(n));
            }
            out.clear();
        }
        return alerts;
    }

    private static void apply(AgentCore engine, Object input, List<AgentNotice> out) {
        if (input instanceof DeviceReport report) {
            engine.onReport(report, out);
        } else {
            engine.onTick((Long) input, out);
        }
    }

    /** Writes the notice as the publisher would; 1 when it was an alert. */
    private int write(AgentNotice notice) {
        if (notice instanceof Alert a) {
            json.alert(a);
            return 1;
        }
        if (notice instanceof AlertChange c) {
            json.alertChange(c);
        } else if (notice instanceof InfusionNotice n) {
            json.infusion(n);
        }
        return 0;
    }

    private AgentCore freshEngine() {
        RuleEngine rules = new RuleEngine(EngineConfig.defaults(profile,
                new Enrolment(Map.of(new BedRef(UNIT, BED), "WARMUP"))));
        return new AgentCore(rules, new AlertBook(ESCALATE_AFTER_MS));
    }

    private static Scenario scenario() {
        return Scenario.builder("alert-path-warmup")
                .onsetAt(ONSET, new StartInfusion("study infusion", Scenarios.STUDY_PRODUCT_LABEL,
                        Scenarios.STUDY_RATE_ML_PER_HOUR))
                .afterOnset(Duration.ofMinutes(1), AdjustVentilator.to(0.70, 14))
                .afterOnset(Duration.ofMinutes(1), new StartVasopressor(1, "Phenylephrine 50 mg/50 mL", 1, 6.6))
                .afterOnset(Duration.ofMinutes(2), MonitorAlarmChange.raise(MonitorAlarm.VENTRICULAR_TACHYCARDIA))
                .afterOnset(Duration.ofSeconds(150), MonitorAlarmChange.end(MonitorAlarm.VENTRICULAR_TACHYCARDIA))
                .build();
    }

    /**
     * The warm-up bed's inputs in arrival order, a tick after each report period: device reports
     * as the edges decode them, routed to MLLP or MQTT as the demo's bed {@code bedIndex} is.
     */
    private List<Object> record(int bedIndex) {
        Recorder recorder = new Recorder(bedIndex);
        BedSimulation sim = new BedSimulation(BED, scenario(), START_MS, REPORT_PERIOD_MS, 7);
        for (long t = START_MS; t <= PLAY_UNTIL_MS; t += REPORT_PERIOD_MS) {
            sim.advanceTo(t, recorder);
            recorder.inputs.add(t);
        }
        return recorder.inputs;
    }

    /** Puts each simulated sample on the wire as its device would and reads it back as the gateway does. */
    private static final class Recorder implements BedOutput {
        private final FastPcdDecoder hl7 = new FastPcdDecoder(Clock.fixed(Instant.EPOCH, ZoneOffset.UTC), "WARMUP");
        private final ObservationPayloadDecoder mqtt = new ObservationPayloadDecoder(new ObjectMapper());
        private final JsonMessages jsonMessages = new JsonMessages();
        private final int bedIndex;
        final List<Object> inputs = new ArrayList<>();

        Recorder(int bedIndex) {
            this.bedIndex = bedIndex;
        }

        @Override
        public void onStep(long simTimeMs, String description) {
        }

        @Override
        public void onSample(DeviceSample sample) {
            boolean alarm = Pcd04Writer.isAlarm(sample);
            if (!alarm && Transport.route(bedIndex, sample.kind(), true, true) == Transport.MQTT) {
                try {
                    inputs.add(mqtt.decode(MqttTopics.observations(UNIT, BED, sample.deviceId()),
                            jsonMessages.observations(sample)));
                } catch (PayloadException e) {
                    throw new IllegalStateException("warm-up sample refused: " + e.getMessage(), e);
                }
                return;
            }
            DeviceAddress address = DeviceAddress.of(UNIT, BED, 1, sample.kind());
            Hl7Decoded decoded = hl7.decode(Hl7DeviceSink.write(address, sample).getBytes(StandardCharsets.UTF_8));
            if (!decoded.accepted()) {
                throw new IllegalStateException("warm-up message refused: " + decoded.reason());
            }
            inputs.add(decoded.report());
        }

        @Override
        public void onEntry(ClinicianEntry entry) {
            throw new IllegalStateException("the warm-up scenario charts nothing");
        }
    }
}
