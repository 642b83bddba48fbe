package org.infusionwatch.gateway.benchmark;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.infusionwatch.agent.engine.EngineConfig;
import org.infusionwatch.agent.engine.Enrolment;
import org.infusionwatch.agent.engine.RuleEngine;
import org.infusionwatch.agent.model.AgentNotice;
import org.infusionwatch.agent.model.BedRef;
import org.infusionwatch.agent.model.DeviceReport;
import org.infusionwatch.agent.model.InfusionNotice;
import org.infusionwatch.agent.model.Observation;
import org.infusionwatch.agent.protocol.ProtocolProfile;
import org.infusionwatch.sims.scenario.Scenarios;
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
 * The rule engine's throughput on what the gateway feeds it: {@link #beds} beds whose simulated
 * monitors, ventilators and pumps report every second, written as HL7 by the simulators and read
 * back by the gateway's fast decoder, every bed in an open study-infusion window with a
 * vasopressor running and every rule evaluated after every report, a tick each second of event
 * time. No report raises an alert (the beds play near misses and stable infusions), so what is
 * measured is the steady state.
 *
 * <p>Each invocation is one pass over the measured {@link #minutes} of event time on an
 * engine that has already seen the hour before (baselines, onsets), rebuilt before every
 * invocation; JMH reports seconds per pass. {@link BenchmarkMain} turns that into observations per
 * second and bytes per observation, against the baseline {@link #readEveryObservation} (a pass
 * that only reads each observation's code, value and time: the floor of any consumer).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 10)
@Measurement(iterations = 20)
@Fork(value = 1, jvmArgs = {"-Xms3g", "-Xmx3g"})
public class EngineThroughputBenchmark {
    static final long START_MS = Instant.parse("2026-11-22T00:00:00Z").toEpochMilli();
    static final long REPORT_PERIOD_MS = 1_000;
    /** Up to here the engine only warms: the baseline hour, the onset at 60 min, ten minutes of window. */
    static final int WARM_MINUTES = 70;
    private static final String UNIT = "ICU-B";
    private static final String[] SCENARIOS = {"near-miss-vasopressor", "near-miss-hypoxemia", "stable"};

    /** Beds played side by side. */
    @Param({"60"})
    public int beds;

    /**
     * Event minutes per measured pass. 30 min of 60 beds (about 120 MB of reports) is far beyond
     * the CPU's caches, as if every report came cold from memory; 5 min of 20 beds fits in L3,
     * closer to the gateway, where the engine reads a report an edge thread has just decoded.
     */
    @Param({"30"})
    public int minutes;

    /** Reports of one second of event time, all beds, in arrival order; a tick follows each second. */
    private List<DeviceReport[]> warmSeconds;
    private List<DeviceReport[]> measuredSeconds;
    private ProtocolProfile profile;
    private Map<BedRef, String> enrolment;
    private long measuredObservations;

    private RuleEngine engine;
    private final List<AgentNotice> out = new ArrayList<>();

    @Setup(Level.Trial)
    public void record() {
        profile = ProtocolProfile.builtIn("STROMA");
        SimulatedWard ward = new SimulatedWard(UNIT, "B", beds, i -> Scenarios.named(SCENARIOS[i % SCENARIOS.length]),
                START_MS, REPORT_PERIOD_MS, 17);
        enrolment = ward.enrolment();
        warmSeconds = new ArrayList<>();
        measuredSeconds = new ArrayList<>();
        long end = START_MS + (WARM_MINUTES + minutes) * 60_000L;
        for (long t = START_MS; t < end; t += REPORT_PERIOD_MS) {
            List<DeviceReport> second = ward.advanceTo(t);
            boolean warming = t < START_MS + WARM_MINUTES * 60_000L;
            (warming ? warmSeconds : measuredSeconds).add(second.toArray(new DeviceReport[0]));
            if (!warming) {
                for (DeviceReport r : second) {
                    measuredObservations += Math.max(1, r.observations().size());
                }
            }
        }
        checkSteadyState();
        System.out.printf("%nengine stream: %d beds, %d measured observations in %d min of event time%n", beds,
                measuredObservations, minutes);
    }

    /** A fresh engine that has seen the warm-up hour, so each pass starts from the same state. */
    @Setup(Level.Invocation)
    public void warm() {
        engine = new RuleEngine(EngineConfig.defaults(profile, new Enrolment(enrolment)));
        play(warmSeconds);
        out.clear();
    }

    @Benchmark
    public int engine() {
        play(measuredSeconds);
        if (!out.isEmpty()) {
            throw new IllegalStateException("steady state raised " + out);
        }
        return out.size();
    }

    @Benchmark
    public double readEveryObservation() {
        double sum = 0;
        for (DeviceReport[] second : measuredSeconds) {
            for (DeviceReport r : second) {
                List<Observation> obs = r.observations();
                for (int i = 0; i < obs.size(); i++) {
                    Observation o = obs.get(i);
                    sum += o.mdcCode() + o.value() + o.timeMs();
                }
            }
        }
        return sum;
    }

    /** Observations one pass feeds (a pump event without observations counts as one). */
    public long observationsPerPass() {
        return measuredObservations;
    }

    private void play(List<DeviceReport[]> seconds) {
        long t = 0;
        for (DeviceReport[] second : seconds) {
            for (DeviceReport r : second) {
                engine.onReport(r, out);
                t = r.timeMs();
            }
            engine.onTick(t, out);
        }
    }

    /** Every bed must be inside its window, and the measured half hour must raise nothing. */
    private void checkSteadyState() {
        engine = new RuleEngine(EngineConfig.defaults(profile, new Enrolment(enrolment)));
        play(warmSeconds);
        long opened = out.stream().filter(n -> n instanceof InfusionNotice i && i.kind() == InfusionNotice.Kind.OPENED)
                .count();
        if (opened != beds) {
            throw new IllegalStateException("expected every bed in a window after warm-up, opened " + opened + ": " + out);
        }
        out.clear();
        play(measuredSeconds);
        if (!out.isEmpty()) {
            throw new IllegalStateException("the measured stream is not a steady state: " + out);
        }
    }
}
