package org.infusionwatch.sims;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.eclipse.paho.mqttv5.common.MqttException;
import org.infusionwatch.sims.model.DeviceKind;
import org.infusionwatch.sims.scenario.BedSimulation;
import org.infusionwatch.sims.scenario.Scenario;
import org.infusionwatch.sims.scenario.Scenarios;
import org.infusionwatch.sims.wire.DeviceAddress;
import org.infusionwatch.sims.wire.DeviceSink;
import org.infusionwatch.sims.wire.EntrySink;
import org.infusionwatch.sims.wire.Hl7DeviceSink;
import org.infusionwatch.sims.wire.Hl7EntrySink;
import org.infusionwatch.sims.wire.MllpClient;
import org.infusionwatch.sims.wire.MllpClientOptions;
import org.infusionwatch.sims.wire.MqttJsonPublisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A simulated ICU unit: each bed has a ventilator, a monitor and a pump playing a scenario, and
 * each device speaks HL7 over its own MLLP connection or JSON over MQTT (see
 * {@link Transport#route}). Built with {@link #builder()}.
 *
 * <p>Threading: {@link #start()} and {@link #close()} may be called from any thread. Once
 * started, one ticker thread advances every bed from {@link SimClock#nowMillis()} every 20 ms of
 * wall time; it alone touches the models and calls the {@link SimListener}. Sending happens on
 * each MLLP device's own thread and on the MQTT client's threads, so a slow receiver never holds
 * up the simulation or other devices.
 */
public final class SimulatedIcu implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SimulatedIcu.class);
    private static final long TICK_PERIOD_MS = 20;
    private static final int MQTT_MAX_IN_FLIGHT = 256;
    private static final int MQTT_MAX_QUEUED = 100_000;

    private enum State { NEW, RUNNING, CLOSED }

    private final String unit;
    private final List<BedAssignment> beds;
    private final SimClock clock;
    private final long reportPeriodMs;
    private final String mllpHost;
    private final int mllpPort;
    private final MllpClientOptions mllpOptions;
    private final String mqttUri;
    private final SimListener listener;
    private final long seed;

    private final Object lifecycle = new Object();
    private State state = State.NEW;
    private final List<BedRouter> runs = new ArrayList<>();
    private final List<MllpClient> mllpClients = new ArrayList<>();
    private MqttJsonPublisher mqtt;
    private ScheduledExecutorService ticker;
    private volatile long scenarioStartMs;

    private SimulatedIcu(Builder b) {
        this.unit = b.unit;
        this.beds = List.copyOf(b.beds);
        this.clock = b.clock != null ? b.clock : SimClock.realTime(Instant.now(), 1.0);
        this.reportPeriodMs = b.reportPeriodMs;
        this.mllpHost = b.mllpHost;
        this.mllpPort = b.mllpPort;
        this.mllpOptions = b.mllpOptions;
        this.mqttUri = b.mqttUri;
        this.listener = b.listener;
        this.seed = b.seed;
    }

    public static Builder builder() {
        return new Builder();
    }

    public String unit() {
        return unit;
    }

    /** The beds in order, with their scenarios. */
    public List<BedAssignment> beds() {
        return beds;
    }

    public SimClock clock() {
        return clock;
    }

    /**
     * The sim time at which every bed's scenario starts: the clock's {@link SimClock#simStart()}.
     * Scenario offsets and expected events are relative to it.
     *
     * @throws IllegalStateException before {@link #start()}
     */
    public long scenarioStartMillis() {
        synchronized (lifecycle) {
            if (state == State.NEW) {
                throw new IllegalStateException("not started");
            }
            return scenarioStartMs;
        }
    }

    /**
     * Starts every bed's scenario at the clock's sim start: connects to MQTT (if configured;
     * waits up to 10 s), opens the MLLP connections in the background and starts the ticker.
     *
     * @throws IllegalStateException if already started or closed, or the MQTT broker is unreachable
     */
    public void start() {
        synchronized (lifecycle) {
            if (state != State.NEW) {
                throw new IllegalStateException("cannot start: " + state);
            }
            state = State.RUNNING;
            // The scenarios start at the clock's sim start rather than at "now", so that given
            // the same clock every run has the same timeline (reports on whole periods, expected
            // events at round times); the first tick catches up on anything since.
            long startMs = clock.simStart().toEpochMilli();
            scenarioStartMs = startMs;
            try {
                connectMqtt();
                EntrySink entries = entrySink();
                for (int i = 0; i < beds.size(); i++) {
                    BedAssignment bed = beds.get(i);
                    BedSimulation sim = new BedSimulation(bed.bed(), bed.scenario(), startMs, reportPeriodMs,
                            seed + 7_919L * i);
                    runs.add(new BedRouter(unit, sim, sinks(i, bed.bed()), entries, listener));
                }
            } catch (RuntimeException e) {
                closeTransports();
                state = State.CLOSED;
                throw e;
            }
            ticker = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread thread = new Thread(r, "iwsim-ticker-" + unit);
                thread.setDaemon(true);
                return thread;
            });
            ticker.scheduleAtFixedRate(this::tick, 0, TICK_PERIOD_MS, TimeUnit.MILLISECONDS);
            log.info("{}: {} bed(s) started at sim time {}, {}x", unit, beds.size(),
                    Instant.ofEpochMilli(startMs), clock.speed());
        }
    }

    /** Stops the ticker, lets queued messages drain briefly, closes connections. Idempotent. */
    @Override
    public void close() {
        synchronized (lifecycle) {
            if (state == State.CLOSED) {
                return;
            }
            state = State.CLOSED;
            if (ticker != null) {
                ticker.shutdown();
                try {
                    if (!ticker.awaitTermination(2, TimeUnit.SECONDS)) {
                        ticker.shutdownNow();
                    }
                } catch (InterruptedException e) {
                    ticker.shutdownNow();
                    Thread.currentThread().interrupt();
                }
            }
            closeTransports();
        }
    }

    private void connectMqtt() {
        if (mqttUri == null) {
            return;
        }
        mqtt = new MqttJsonPublisher(mqttUri, "iwsim-" + unit + "-" + UUID.randomUUID().toString().substring(0, 8),
                MQTT_MAX_IN_FLIGHT, MQTT_MAX_QUEUED);
        try {
            mqtt.connect();
        } catch (MqttException e) {
            throw new IllegalStateException("cannot connect to the MQTT broker " + mqttUri + ": " + e, e);
        }
    }

    /**
     * Clinician entries go over MQTT when it is on; otherwise the unit's charting system sends
     * them as HL7 on a connection of its own.
     */
    private EntrySink entrySink() {
        if (mqtt != null) {
            return mqtt;
        }
        MllpClient client = new MllpClient("CHART-" + unit, mllpHost, mllpPort, mllpOptions);
        mllpClients.add(client);
        client.open();
        return new Hl7EntrySink(client);
    }

    private Map<DeviceKind, DeviceSink> sinks(int bedIndex, String bed) {
        Map<DeviceKind, DeviceSink> sinks = new EnumMap<>(DeviceKind.class);
        for (DeviceKind kind : DeviceKind.values()) {
            DeviceAddress address = DeviceAddress.of(unit, bed, bedIndex + 1, kind);
            if (Transport.route(bedIndex, kind, mllpHost != null, mqttUri != null) == Transport.MLLP) {
                MllpClient client = new MllpClient(address.deviceId(), mllpHost, mllpPort, mllpOptions);
                mllpClients.add(client);
                client.open();
                sinks.put(kind, new Hl7DeviceSink(address, client));
            } else {
                MqttJsonPublisher publisher = mqtt;
                sinks.put(kind, sample -> publisher.publishSample(address, sample));
            }
        }
        return sinks;
    }

    private void closeTransports() {
        // Shut all down first so that they drain in parallel, then wait for each.
        mllpClients.forEach(MllpClient::shutdown);
        mllpClients.forEach(MllpClient::close);
        if (mqtt != null) {
            mqtt.close();
        }
    }

    private void tick() {
        long nowMs = clock.nowMillis();
        for (BedRouter run : runs) {
            try {
                run.simulation().advanceTo(nowMs, run);
            } catch (RuntimeException e) {
                // One broken bed must not stop the others (an exception would cancel the ticker).
                log.error("{}/{}: simulation step failed", unit, run.simulation().bed(), e);
            }
        }
    }

    /**
     * Configures a {@link SimulatedIcu}. Defaults: unit {@code ICU-A}, reports every 60 s of sim
     * time, a real-time clock at speed 1 from now, noise seed 1, no listener.
     *
     * <p>Threading: not thread-safe.
     */
    public static final class Builder {

        private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]+");

        private String unit = "ICU-A";
        private final List<BedAssignment> beds = new ArrayList<>();
        private SimClock clock;
        private long reportPeriodMs = 60_000;
        private String mllpHost;
        private int mllpPort;
        private MllpClientOptions mllpOptions = MllpClientOptions.DEFAULTS;
        private String mqttUri;
        private SimListener listener = (bed, simTimeMs, description) -> { };
        private long seed = 1;

        private Builder() {
        }

        /** The point of care (PV1-3.1 and the MQTT topic level); letters, digits, {@code . _ -}. */
        public Builder unit(String name) {
            this.unit = Objects.requireNonNull(name, "name");
            return this;
        }

        /** Adds a bed playing {@code scenario}; beds keep the order they are added in. */
        public Builder bed(String bed, Scenario scenario) {
            beds.add(new BedAssignment(bed, scenario));
            return this;
        }

        /**
         * Sets the beds to {@code BED01}..{@code BEDnn} with the default rotation of scenarios
         * (hypoxemia, near-miss-hypoxemia, stable, hypoxemia, …), replacing any added before.
         */
        public Builder beds(int count) {
            if (count < 1) {
                throw new IllegalArgumentException("count: " + count + " (expected: >= 1)");
            }
            beds.clear();
            for (int i = 0; i < count; i++) {
                beds.add(new BedAssignment(String.format("BED%02d", i + 1), Scenarios.defaultFor(i)));
            }
            return this;
        }

        public Builder clock(SimClock simClock) {
            this.clock = Objects.requireNonNull(simClock, "simClock");
            return this;
        }

        /** Sim time between two periodic reports of each device. */
        public Builder reportPeriodMs(long periodMs) {
            if (periodMs <= 0) {
                throw new IllegalArgumentException("periodMs: " + periodMs + " (expected: > 0)");
            }
            this.reportPeriodMs = periodMs;
            return this;
        }

        /** Sends HL7 over MLLP to {@code host:port}. */
        public Builder mllp(String host, int port) {
            if (port < 1 || port > 65_535) {
                throw new IllegalArgumentException("port: " + port + " (expected: 1..65535)");
            }
            this.mllpHost = Objects.requireNonNull(host, "host");
            this.mllpPort = port;
            return this;
        }

        /** Timeouts and backoff of the MLLP connections. */
        public Builder mllpOptions(MllpClientOptions options) {
            this.mllpOptions = Objects.requireNonNull(options, "options");
            return this;
        }

        /** Also publishes JSON over MQTT, e.g. {@code tcp://127.0.0.1:1883}. */
        public Builder mqtt(String serverUri) {
            this.mqttUri = Objects.requireNonNull(serverUri, "serverUri");
            return this;
        }

        public Builder listener(SimListener simListener) {
            this.listener = Objects.requireNonNull(simListener, "simListener");
            return this;
        }

        /** Seed of the devices' measurement noise; the same seed gives the same values. */
        public Builder seed(long noiseSeed) {
            this.seed = noiseSeed;
            return this;
        }

        /**
         * @throws IllegalArgumentException if there are no beds, a bed name repeats, a name is
         *                                  not usable on the wire, or neither MLLP nor MQTT is set
         */
        public SimulatedIcu build() {
            requireName("unit", unit);
            if (beds.isEmpty()) {
                throw new IllegalArgumentException("no beds: call bed(...) or beds(n)");
            }
            Set<String> names = new HashSet<>();
            for (BedAssignment bed : beds) {
                requireName("bed", bed.bed());
                if (!names.add(bed.bed())) {
                    throw new IllegalArgumentException("bed " + bed.bed() + " added twice");
                }
            }
            if (mllpHost == null && mqttUri == null) {
                throw new IllegalArgumentException("no transport: call mllp(host, port) and/or mqtt(uri)");
            }
            return new SimulatedIcu(this);
        }

        private static void requireName(String what, String name) {
            if (!NAME.matcher(name).matches()) {
                throw new IllegalArgumentException(what + ": '" + name + "' (expected: letters, digits, . _ -)");
            }
        }
    }
}
