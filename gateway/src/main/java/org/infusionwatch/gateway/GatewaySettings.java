package org.infusionwatch.gateway;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongSupplier;
import org.infusionwatch.agent.engine.EngineConfig;
import org.infusionwatch.agent.engine.Enrolment;
import org.infusionwatch.agent.engine.StudyProductMatcher;
import org.infusionwatch.agent.model.BedRef;
import org.infusionwatch.agent.pipeline.AgentPipeline;
import org.infusionwatch.agent.protocol.ProtocolProfile;

/**
 * Everything the gateway process is told: defaults in one place, overridden by a JSON config file
 * and then by command-line options, and checked once in {@link #conclude()}.
 */
public final class GatewaySettings {
    public static final String EMBEDDED = "embedded";
    /** {@link #httpPort(int)} value that leaves the browser views off (the default when embedding the gateway). */
    public static final int HTTP_OFF = -1;
    /** The port {@code run} and {@code demo} serve the browser views on unless told otherwise. */
    public static final int DEFAULT_HTTP_PORT = 8080;
    /** Alerts a private bed raises at start-up when {@code run} or {@code demo} is not told otherwise (see AlertPathWarmup). */
    public static final int DEFAULT_WARMUP_ALERTS = 12_000;

    private String applicationName = "INFUSIONWATCH";
    private String mllpHost = "0.0.0.0";
    private int mllpPort = 2575;
    private String mqtt = EMBEDDED;
    private int embeddedMqttPort = 1883;
    private Path dataDir = Path.of("infusionwatch-data");
    private String protocol = "STROMA";
    private String studyProductPrefix = "STUDY";
    private final Map<BedRef, String> enrolment = new LinkedHashMap<>();
    private final Map<String, BedRef> devices = new LinkedHashMap<>();
    private final Map<BedRef, Double> weightsKg = new LinkedHashMap<>();
    private long tickPeriodMs = 1_000;
    private long escalateAfterMinutes = 5;
    private int maxFrameBytes = 1 << 20;
    private LongSupplier agentClockMs = System::currentTimeMillis;
    private Clock ackClock = Clock.systemUTC();
    private String httpHost = "0.0.0.0";
    private int httpPort = HTTP_OFF;
    private boolean httpPortGiven;
    private Path usersFile;
    private int realtimePriority;
    private int warmupAlerts;
    private boolean warmupAlertsGiven;
    private long journalCommitGapMicros = AgentPipeline.Context.DEFAULT_JOURNAL_COMMIT_GAP_MICROS;
    private boolean backgroundIdle;
    private int backgroundNice;
    private int alertPathNice;
    private boolean engineOnEdgeThreads;
    private String alertManager;
    private String eui64;

    /** The config file's shape (docs/configuration.md); absent fields keep their defaults. */
    record FileContent(String applicationName, String mllpHost, Integer mllpPort, String mqtt, Integer embeddedMqttPort,
                       String dataDir, String protocol, String studyProductPrefix, Map<String, String> enrolment,
                       Map<String, String> devices, Map<String, Double> weightsKg, Long tickPeriodMs,
                       Integer maxFrameBytes, Long escalateAfterMinutes, String httpHost, Integer httpPort,
                       String usersFile, Integer realtimePriority, Integer warmupAlerts,
                       Long journalCommitGapMicros, Boolean backgroundIdle, Integer backgroundNice,
                       Integer alertPathNice, Boolean engineOnEdgeThreads, String alertManager, String eui64) {
    }

    /** Applies a JSON config file; unknown fields are refused so that a typo does not pass silently. */
    public GatewaySettings load(Path file) {
        FileContent f;
        try {
            f = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readValue(file.toFile(),
                    FileContent.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("config file " + file + ": " + e.getMessage(), e);
        }
        if (f.applicationName() != null) {
            applicationName = f.applicationName();
        }
        if (f.mllpHost() != null) {
            mllpHost = f.mllpHost();
        }
        if (f.mllpPort() != null) {
            mllpPort = f.mllpPort();
        }
        if (f.mqtt() != null) {
            mqtt = f.mqtt();
        }
        if (f.embeddedMqttPort() != null) {
            embeddedMqttPort = f.embeddedMqttPort();
        }
        if (f.dataDir() != null) {
            dataDir = Path.of(f.dataDir());
        }
        if (f.protocol() != null) {
            protocol = f.protocol();
        }
        if (f.studyProductPrefix() != null) {
            studyProductPrefix = f.studyProductPrefix();
        }
        if (f.enrolment() != null) {
            f.enrolment().forEach((bed, pseudonym) -> enrol(BedRef.parse(bed), pseudonym));
        }
        if (f.devices() != null) {
            f.devices().forEach((device, bed) -> device(device, BedRef.parse(bed)));
        }
        if (f.weightsKg() != null) {
            f.weightsKg().forEach((bed, kg) -> weightKg(BedRef.parse(bed), kg == null ? Double.NaN : kg));
        }
        if (f.tickPeriodMs() != null) {
            tickPeriodMs = f.tickPeriodMs();
        }
        if (f.maxFrameBytes() != null) {
            maxFrameBytes = f.maxFrameBytes();
        }
        if (f.escalateAfterMinutes() != null) {
            escalateAfterMinutes = f.escalateAfterMinutes();
        }
        if (f.httpHost() != null) {
            httpHost = f.httpHost();
        }
        if (f.httpPort() != null) {
            httpPort(f.httpPort());
        }
        if (f.usersFile() != null) {
            usersFile = Path.of(f.usersFile());
        }
        if (f.realtimePriority() != null) {
            realtimePriority(f.realtimePriority());
        }
        if (f.warmupAlerts() != null) {
            warmupAlerts(f.warmupAlerts());
        }
        if (f.journalCommitGapMicros() != null) {
            journalCommitGapMicros(f.journalCommitGapMicros());
        }
        if (f.backgroundIdle() != null) {
            backgroundIdle = f.backgroundIdle();
        }
        if (f.backgroundNice() != null) {
            backgroundNice(f.backgroundNice());
        }
        if (f.alertPathNice() != null) {
            alertPathNice(f.alertPathNice());
        }
        if (f.engineOnEdgeThreads() != null) {
            engineOnEdgeThreads = f.engineOnEdgeThreads();
        }
        if (f.alertManager() != null) {
            alertManager(f.alertManager());
        }
        if (f.eui64() != null) {
            eui64(f.eui64());
        }
        return this;
    }

    /** The file in a data folder that records what the gateway ran with, for replays of its journal. */
    public static final String SNAPSHOT_FILE = "gateway-settings.json";

    /**
     * Writes what the engine's results depend on (protocol, study product, enrolment, device
     * table, patient weights) into the data folder, so that a replay of its journal uses the same
     * by default.
     */
    public void writeSnapshot() {
        Map<String, String> beds = new LinkedHashMap<>();
        enrolment.forEach((bed, pseudonym) -> beds.put(bed.key(), pseudonym));
        Map<String, String> table = new LinkedHashMap<>();
        devices.forEach((device, bed) -> table.put(device, bed.key()));
        Map<String, Double> weights = new LinkedHashMap<>();
        weightsKg.forEach((bed, kg) -> weights.put(bed.key(), kg));
        FileContent snapshot = new FileContent(null, null, null, null, null, null, protocol, studyProductPrefix, beds,
                table, weights.isEmpty() ? null : weights, null, null, escalateAfterMinutes, null, null, null, null, null,
                null, null, null, null, null, null, null);
        try {
            java.nio.file.Files.createDirectories(dataDir);
            new ObjectMapper().setSerializationInclusion(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
                    .writerWithDefaultPrettyPrinter().writeValue(dataDir.resolve(SNAPSHOT_FILE).toFile(), snapshot);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot write " + SNAPSHOT_FILE + " in " + dataDir, e);
        }
    }

    public GatewaySettings applicationName(String v) {
        applicationName = v;
        return this;
    }

    public GatewaySettings mllpHost(String v) {
        mllpHost = v;
        return this;
    }

    public GatewaySettings mllpPort(int v) {
        mllpPort = v;
        return this;
    }

    /** {@code embedded} or a broker URI such as {@code tcp://127.0.0.1:1883}. */
    public GatewaySettings mqtt(String v) {
        mqtt = v;
        return this;
    }

    public GatewaySettings embeddedMqttPort(int v) {
        embeddedMqttPort = v;
        return this;
    }

    public GatewaySettings dataDir(Path v) {
        dataDir = v;
        return this;
    }

    public GatewaySettings protocol(String v) {
        protocol = v;
        return this;
    }

    public GatewaySettings studyProductPrefix(String v) {
        studyProductPrefix = v;
        return this;
    }

    public GatewaySettings enrol(BedRef bed, String pseudonym) {
        enrolment.put(bed, pseudonym);
        return this;
    }

    public GatewaySettings device(String deviceId, BedRef bed) {
        devices.put(deviceId, bed);
        return this;
    }

    /**
     * The weight of the patient in {@code bed}, for doses in ug/kg/min when the pump sends no
     * weight (a pump's own weight wins: it is what the pump was programmed with).
     */
    public GatewaySettings weightKg(BedRef bed, double kg) {
        if (!(kg > 0 && kg < 1_000)) {
            throw new IllegalArgumentException("weight of " + bed.key() + " must be a number of kg above 0, was " + kg);
        }
        weightsKg.put(bed, kg);
        return this;
    }

    public GatewaySettings tickPeriodMs(long v) {
        tickPeriodMs = v;
        return this;
    }

    /** An alert nobody acknowledged within this many minutes (agent clock) is escalated. */
    public GatewaySettings escalateAfterMinutes(long v) {
        escalateAfterMinutes = v;
        return this;
    }

    public GatewaySettings maxFrameBytes(int v) {
        maxFrameBytes = v;
        return this;
    }

    /** The clock rules and ticks follow: the wall clock, or a sped-up one in the demo. */
    public GatewaySettings agentClockMs(LongSupplier v) {
        agentClockMs = v;
        return this;
    }

    /** The clock that stamps ACKs. */
    public GatewaySettings ackClock(Clock v) {
        ackClock = v;
        return this;
    }

    /** Address the browser views listen on. */
    public GatewaySettings httpHost(String v) {
        httpHost = v;
        return this;
    }

    /** Port of the browser views (0 = any free port, {@link #HTTP_OFF} = no views). */
    public GatewaySettings httpPort(int v) {
        httpPort = v;
        httpPortGiven = true;
        return this;
    }

    /** The users file of the browser views; default {@code users.json} in the data folder. */
    /**
     * Real-time priority (Linux SCHED_RR, 1 to 99) of the threads on an alert's path, or 0 to leave
     * them ordinary (see ThreadScheduling).
     */
    public GatewaySettings realtimePriority(int v) {
        if (v < 0 || v > 99) {
            throw new IllegalArgumentException("realtimePriority " + v + " (expected: 0 = off, or 1 to 99)");
        }
        realtimePriority = v;
        return this;
    }

    public int realtimePriority() {
        return realtimePriority;
    }

    /**
     * Alerts a private simulated bed raises at start-up, on a thread of its own, so that the
     * engine's alert path is compiled before the first real alert (see AlertPathWarmup); 0 = none.
     */
    public GatewaySettings warmupAlerts(int v) {
        if (v < 0) {
            throw new IllegalArgumentException("warmupAlerts " + v + " (expected: 0 = none, or more)");
        }
        warmupAlerts = v;
        warmupAlertsGiven = true;
        return this;
    }

    /**
     * The least time between two commits of the input journal while inputs keep coming, in µs; 0
     * commits as soon as the journal has caught up (see BatchSpacing in the agent).
     */
    public GatewaySettings journalCommitGapMicros(long v) {
        if (v < 0 || v > 1_000_000) {
            throw new IllegalArgumentException("journalCommitGapMicros " + v + " (expected: 0 to 1000000)");
        }
        journalCommitGapMicros = v;
        return this;
    }

    public long journalCommitGapMicros() {
        return journalCommitGapMicros;
    }

    /**
     * Whether the threads no alert waits for (journal, output stage, ward view, metrics) run at
     * Linux SCHED_IDLE, giving way to every ordinary thread (see ThreadScheduling); off by default.
     */
    public GatewaySettings backgroundIdle(boolean v) {
        backgroundIdle = v;
        return this;
    }

    public boolean backgroundIdle() {
        return backgroundIdle;
    }

    /**
     * The nice value, 1 to 19, of the threads no alert waits for other than the journal (output
     * stage, ward view, metrics, JIT compiler; see ThreadScheduling); 0, the default, leaves them
     * as they are. Ignored when {@link #backgroundIdle()} is on, which lowers them further.
     */
    public GatewaySettings backgroundNice(int v) {
        if (v < 0 || v > 19) {
            throw new IllegalArgumentException("backgroundNice " + v + " (expected: 0 = off, or 1 to 19)");
        }
        backgroundNice = v;
        return this;
    }

    public int backgroundNice() {
        return backgroundNice;
    }

    /**
     * The nice value, -20 to -1, of the threads on an alert's path (MLLP event loops, Paho's MQTT
     * threads, the engine; see ThreadScheduling); 0, the default, leaves them as they are. Ignored
     * when {@link #realtimePriority()} is set, which raises them further. Lowering a nice value
     * below 0 needs CAP_SYS_NICE or a matching RLIMIT_NICE (systemd: {@code LimitNICE=-10}).
     */
    public GatewaySettings alertPathNice(int v) {
        if (v < -20 || v > 0) {
            throw new IllegalArgumentException("alertPathNice " + v + " (expected: 0 = off, or -20 to -1)");
        }
        alertPathNice = v;
        return this;
    }

    public int alertPathNice() {
        return alertPathNice;
    }

    /**
     * Whether the MLLP and MQTT threads that publish a device report run the engine themselves
     * when it is idle, instead of waking the engine thread for every report; off by default. See
     * AgentPipeline.Context#engineOnEdgeThreads.
     */
    public GatewaySettings engineOnEdgeThreads(boolean v) {
        engineOnEdgeThreads = v;
        return this;
    }

    public boolean engineOnEdgeThreads() {
        return engineOnEdgeThreads;
    }

    /**
     * The hospital's alert manager, {@code host:port}: every alert and change of one goes there as
     * IHE PCD-04 over MLLP. Null (the default) sends none.
     */
    public GatewaySettings alertManager(String hostPort) {
        if (hostPort != null) {
            int colon = hostPort.lastIndexOf(':');
            int port;
            try {
                port = colon > 0 ? Integer.parseInt(hostPort.substring(colon + 1)) : -1;
            } catch (NumberFormatException e) {
                port = -1;
            }
            if (port < 1 || port > 65_535) {
                throw new IllegalArgumentException("alertManager must be host:port, was: " + hostPort);
            }
        }
        alertManager = hostPort;
        return this;
    }

    /**
     * The gateway's EUI-64 (16 hexadecimal digits), which names it as the sender of its PCD-04
     * messages. Null (the default): one made at the first start and kept in the data folder
     * ({@code GatewayEui64}).
     */
    public GatewaySettings eui64(String value) {
        eui64 = value == null ? null : org.infusionwatch.gateway.alertmanager.GatewayEui64.require(value);
        return this;
    }

    /** The configured EUI-64, or null for the one kept in the data folder. */
    public String eui64() {
        return eui64;
    }

    /** {@code host:port} of the alert manager, or null when alerts go to none. */
    public String alertManager() {
        return alertManager;
    }

    /** The alert manager's host (an IPv6 address without its brackets); only when {@link #alertManager()} is set. */
    public String alertManagerHost() {
        String host = alertManager.substring(0, alertManager.lastIndexOf(':'));
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    /** The alert manager's port; only when {@link #alertManager()} is set. */
    public int alertManagerPort() {
        return Integer.parseInt(alertManager.substring(alertManager.lastIndexOf(':') + 1));
    }

    public int warmupAlerts() {
        return warmupAlerts;
    }

    /** Whether a config file or the caller chose {@link #warmupAlerts}; {@code run} and {@code demo} default to warming. */
    public boolean warmupAlertsGiven() {
        return warmupAlertsGiven;
    }

    public GatewaySettings usersFile(Path v) {
        usersFile = v;
        return this;
    }

    GatewaySettings conclude() {
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(mqtt, "mqtt");
        if (mllpPort < 0 || mllpPort > 65_535) {
            throw new IllegalArgumentException("mllp port must be 0-65535, was " + mllpPort);
        }
        if (tickPeriodMs < 1) {
            throw new IllegalArgumentException("tick period must be at least 1 ms, was " + tickPeriodMs);
        }
        if (httpPort < HTTP_OFF || httpPort > 65_535) {
            throw new IllegalArgumentException("http port must be 0-65535 (or -1 for none), was " + httpPort);
        }
        if (maxFrameBytes < 1024) {
            throw new IllegalArgumentException("max frame size must be at least 1024 bytes, was " + maxFrameBytes);
        }
        return this;
    }

    public String applicationName() {
        return applicationName;
    }

    public String mllpHost() {
        return mllpHost;
    }

    public int mllpPort() {
        return mllpPort;
    }

    public String mqtt() {
        return mqtt;
    }

    public int embeddedMqttPort() {
        return embeddedMqttPort;
    }

    public Path dataDir() {
        return dataDir;
    }

    public String protocol() {
        return protocol;
    }

    public String studyProductPrefix() {
        return studyProductPrefix;
    }

    public Map<BedRef, String> enrolment() {
        return Map.copyOf(enrolment);
    }

    public Map<String, BedRef> devices() {
        return Map.copyOf(devices);
    }

    public Map<BedRef, Double> weightsKg() {
        return Map.copyOf(weightsKg);
    }

    /** What the rule engine is told: the profile in force and this gateway's trial and ward settings. */
    public EngineConfig engineConfig(ProtocolProfile profile) {
        return new EngineConfig(profile, new StudyProductMatcher(studyProductPrefix), new Enrolment(enrolment),
                EngineConfig.DEFAULT_RESUME_GAP_MS, weightsKg);
    }

    public long tickPeriodMs() {
        return tickPeriodMs;
    }

    public long escalateAfterMinutes() {
        return escalateAfterMinutes;
    }

    public int maxFrameBytes() {
        return maxFrameBytes;
    }

    public LongSupplier agentClockMs() {
        return agentClockMs;
    }

    public Clock ackClock() {
        return ackClock;
    }

    public String httpHost() {
        return httpHost;
    }

    public int httpPort() {
        return httpPort;
    }

    /** True when the browser views are to be served. */
    public boolean httpEnabled() {
        return httpPort != HTTP_OFF;
    }

    /** Whether a config file or a caller set the HTTP port, so {@code run} knows whether to apply its default. */
    public boolean httpPortGiven() {
        return httpPortGiven;
    }

    public Path usersFile() {
        return usersFile != null ? usersFile : dataDir.resolve("users.json");
    }
}
