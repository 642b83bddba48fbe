package org.infusionwatch.gateway.benchmark;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.infusionwatch.agent.alerts.AgentCore;
import org.infusionwatch.agent.alerts.AlertBook;
import org.infusionwatch.agent.engine.EngineConfig;
import org.infusionwatch.agent.engine.Enrolment;
import org.infusionwatch.agent.engine.RuleEngine;
import org.infusionwatch.agent.model.AgentNotice;
import org.infusionwatch.agent.model.Alert;
import org.infusionwatch.agent.model.BedRef;
import org.infusionwatch.agent.model.DeviceReport;
import org.infusionwatch.agent.protocol.ProtocolProfile;
import org.infusionwatch.gateway.AlertPathWarmup;
import org.infusionwatch.gateway.mqtt.NoticeJson;
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
 * What raising an alert costs the engine thread, which does it in the gateway while the inputs
 * behind it wait: the rules' finding and its evidence, the alert's id and context, the alert
 * book, and the alert's JSON for the MQTT publisher (the hand-off to Paho is not included).
 *
 * <p>{@link #beds} beds play the load harness's hypoxemia scenario in lock step, so every bed's
 * alert falls in the same second of event time. Each invocation starts from a fresh engine that
 * has seen everything before the second ahead of the alert second, and plays:
 * <ul>
 *   <li>{@link #quietSecond}: the second before the alerts (the baseline: the same beds' reports
 *       and a tick, nothing raised);</li>
 *   <li>{@link #alertSecond}: that second, then the alert second, which raises one alert per bed;</li>
 *   <li>{@link #alertSecondAndJson}: the same, and each alert written as the publisher writes it.</li>
 * </ul>
 * {@link BenchmarkMain} prints the cost of one alert: the difference from the quiet second,
 * divided by the beds, with and without the gateway's start-up warm-up ({@link #warmupAlerts}).
 *
 * <p>Two ways to run it. As JMH's defaults have it (200 warm-up passes, so 4,000 alerts before the
 * first measured one) it gives the cost on compiled code. With {@code -wi 0 -i 1 -f 10} it gives
 * the first alerts of a process, what a gateway pays when an alert comes before the JIT compiler
 * has seen any: the set-up has raised one alert per bed on the engine alone (to find the alert
 * second), so the measured ones are the process's second round, and the first to be written as
 * JSON.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 200)
@Measurement(iterations = 100)
@Fork(value = 1, jvmArgs = {"-Xms1g", "-Xmx1g"})
public class AlertPathBenchmark {
    private static final long START_MS = Instant.parse("2026-11-22T00:00:00Z").toEpochMilli();
    private static final long REPORT_PERIOD_MS = 1_000;
    private static final String UNIT = "ICU-A";
    /** The load harness's alert: two hours after onset, plus the hold time, within a few minutes. */
    private static final long SEARCH_UNTIL_MS = START_MS + Scenarios.ONSET.plusMinutes(150).toMillis();

    /** Beds whose alerts fall in the same second. */
    @Param({"20"})
    public int beds;

    /**
     * Alerts the gateway's start-up warm-up ({@link AlertPathWarmup}) raises in the set-up, before
     * anything is measured: 0 as a gateway without it, 12,000 as {@code run} does by default.
     */
    @Param({"0", "12000"})
    public int warmupAlerts;

    private final List<Object[]> leadSeconds = new ArrayList<>();
    private Object[] quiet;
    private Object[] alerting;
    private ProtocolProfile profile;
    private Map<BedRef, String> enrolment;
    private final NoticeJson json = new NoticeJson(new ObjectMapper());

    private AgentCore engine;
    private final List<AgentNotice> out = new ArrayList<>();

    @Setup(Level.Trial)
    public void record() {
        profile = ProtocolProfile.builtIn("STROMA");
        SimulatedWard ward = new SimulatedWard(UNIT, "A", beds, i -> Scenarios.hypoxemia(), START_MS, REPORT_PERIOD_MS,
                31);
        enrolment = ward.enrolment();
        List<Object[]> seconds = new ArrayList<>();
        for (long t = START_MS; t < SEARCH_UNTIL_MS; t += REPORT_PERIOD_MS) {
            List<DeviceReport> second = ward.advanceTo(t);
            Object[] inputs = second.toArray(new Object[second.size() + 1]);
            inputs[second.size()] = t; // the tick that follows the second
            seconds.add(inputs);
        }
        if (warmupAlerts > 0) {
            new AlertPathWarmup(profile, json, System::nanoTime).run(warmupAlerts, TimeUnit.MINUTES.toNanos(5));
        }
        int alertAt = findAlertSecond(seconds);
        leadSeconds.addAll(seconds.subList(0, alertAt - 1));
        quiet = seconds.get(alertAt - 1);
        alerting = seconds.get(alertAt);
        System.out.printf("%nalert path: %d beds, alerts in second %d of event time%n", beds, alertAt);
    }

    /** The first second that raises alerts; every bed must raise exactly one there and none before. */
    private int findAlertSecond(List<Object[]> seconds) {
        fresh();
        for (int s = 0; s < seconds.size(); s++) {
            out.clear();
            play(seconds.get(s));
            long alerts = out.stream().filter(n -> n instanceof Alert).count();
            if (alerts > 0) {
                if (alerts != beds || s == 0) {
                    throw new IllegalStateException("expected one alert per bed in the same second, got " + alerts
                            + " in second " + s);
                }
                return s;
            }
        }
        throw new IllegalStateException("no alert within the scenario's first " + seconds.size() + " s");
    }

    /** A fresh engine that has seen everything up to the second before the alerts. */
    @Setup(Level.Invocation)
    public void lead() {
        fresh();
        for (Object[] second : leadSeconds) {
            play(second);
        }
        out.clear();
    }

    @Benchmark
    public int quietSecond() {
        play(quiet);
        return out.size();
    }

    @Benchmark
    public int alertSecond() {
        play(quiet);
        play(alerting);
        return out.size();
    }

    @Benchmark
    public int alertSecondAndJson() {
        play(quiet);
        play(alerting);
        int bytes = 0;
        for (int i = 0; i < out.size(); i++) {
            if (out.get(i) instanceof Alert a) {
                bytes += json.alert(a).length;
            }
        }
        return bytes;
    }

    private void fresh() {
        engine = new AgentCore(new RuleEngine(EngineConfig.defaults(profile, new Enrolment(enrolment))),
                new AlertBook(15 * 60_000L));
    }

    private void play(Object[] second) {
        for (Object input : second) {
            if (input instanceof DeviceReport r) {
                engine.onReport(r, out);
            } else {
                engine.onTick((Long) input, out);
            }
        }
    }
}
