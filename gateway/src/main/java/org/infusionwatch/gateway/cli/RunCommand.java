package org.infusionwatch.gateway.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.infusionwatch.gateway.ConsoleNotices;
import org.infusionwatch.gateway.Gateway;
import org.infusionwatch.gateway.GatewaySettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code run}: the gateway alone, for real devices. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Start the gateway: MLLP listener, MQTT ingest and alerts, agent, event log.")
final class RunCommand implements Callable<Integer> {

    @Option(names = "--config", description = "JSON config file (docs/configuration.md); options below override it.")
    Path config;

    @Option(names = "--mllp-port", description = "MLLP listening port (default 2575).")
    Integer mllpPort;

    @Option(names = "--mllp-host", description = "Address to listen on (default 0.0.0.0).")
    String mllpHost;

    @Option(names = "--mqtt", description = "tcp://HOST:PORT of the ward's broker, or 'embedded' (default).")
    String mqtt;

    @Option(names = "--data-dir", description = "Folder for the journal and the event log (default ./infusionwatch-data).")
    Path dataDir;

    @Option(names = "--protocol", description = "Protocol profile: STROMA (default), START, LANZONI, or a protocol file.")
    String protocol;

    @Option(names = "--http-port", description = "Port of the nurse station and coordinator views (default 8080; -1: none).")
    Integer httpPort;

    @Option(names = "--http-host", description = "Address the browser views listen on (default 0.0.0.0).")
    String httpHost;

    @Option(names = "--users-file", description = "Users of the browser views (default users.json in the data folder; "
            + "create users with the 'users add' command).")
    Path usersFile;

    @Option(names = "--realtime", arity = "0..1", fallbackValue = "1", paramLabel = "PRIORITY",
            description = "Run the threads on an alert's path (MLLP, MQTT, engine) at real-time priority: Linux SCHED_RR, "
                    + "PRIORITY 1 (default) to 99; needs root or CAP_SYS_NICE. See docs/performance.md.")
    Integer realtime;

    @Option(names = "--background-idle",
            description = "Run the threads no alert waits for (journal, output stage, ward view, metrics) at Linux "
                    + "SCHED_IDLE, so that they give way to the alert path at once; acknowledgements then wait while "
                    + "the cores are busy. See docs/performance.md.")
    boolean backgroundIdle;

    @Option(names = "--background-nice", arity = "0..1", fallbackValue = "10", paramLabel = "NICE",
            description = "Run the output stage, ward view, metrics and JIT compiler threads at nice value NICE (1 to 19, "
                    + "10 if not given), so that a busy core lets the alert path in sooner; no privilege needed. "
                    + "See docs/performance.md.")
    Integer backgroundNice;

    @Option(names = "--alert-path-nice", arity = "0..1", fallbackValue = "-10", paramLabel = "NICE",
            description = "Run the threads on an alert's path (MLLP, MQTT, engine) at nice value NICE (-20 to -1, -10 if "
                    + "not given): ordinary threads with a larger share, let in sooner when they wake; nothing starves. "
                    + "Needs CAP_SYS_NICE or a matching RLIMIT_NICE (systemd: LimitNICE=-10). See docs/performance.md.")
    Integer alertPathNice;

    @Option(names = "--engine-on-edge-threads",
            description = "Let the MLLP or MQTT thread that publishes a device report run the engine itself when the "
                    + "engine is idle, instead of waking the engine's thread: a shorter median and less CPU, but no "
                    + "shorter tail. See docs/performance.md.")
    boolean engineOnEdgeThreads;

    @Option(names = "--alert-manager", paramLabel = "HOST:PORT",
            description = "Send every alert, and every change of one, to the hospital's alert manager at HOST:PORT as "
                    + "IHE PCD-04 (ORU^R40) over MLLP, resent until it is acknowledged.")
    String alertManager;

    @Option(names = "--eui64", paramLabel = "HEX16",
            description = "The gateway's EUI-64, naming it as the sender of its PCD-04 messages (default: one made at "
                    + "the first start and kept in the data folder).")
    String eui64;

    @Option(names = "--warmup-alerts", paramLabel = "N",
            description = "Alerts a private simulated bed raises at start-up so that the alert path is compiled before "
                    + "the first real alert; nothing is published or logged (default "
                    + GatewaySettings.DEFAULT_WARMUP_ALERTS + ", 0 = none).")
    Integer warmupAlerts;

    @Override
    public Integer call() throws Exception {
        GatewaySettings settings = new GatewaySettings();
        if (config != null) {
            settings.load(config);
        }
        if (mllpPort != null) {
            settings.mllpPort(mllpPort);
        }
        if (mllpHost != null) {
            settings.mllpHost(mllpHost);
        }
        if (mqtt != null) {
            settings.mqtt(mqtt);
        }
        if (dataDir != null) {
            settings.dataDir(dataDir);
        }
        if (protocol != null) {
            settings.protocol(protocol);
        }
        if (httpPort != null) {
            settings.httpPort(httpPort);
        } else if (!settings.httpPortGiven()) {
            settings.httpPort(GatewaySettings.DEFAULT_HTTP_PORT);
        }
        if (httpHost != null) {
            settings.httpHost(httpHost);
        }
        if (usersFile != null) {
            settings.usersFile(usersFile);
        }
        if (realtime != null) {
            settings.realtimePriority(realtime);
        }
        if (backgroundIdle) {
            settings.backgroundIdle(true);
        }
        if (backgroundNice != null) {
            settings.backgroundNice(backgroundNice);
        }
        if (alertPathNice != null) {
            settings.alertPathNice(alertPathNice);
        }
        if (engineOnEdgeThreads) {
            settings.engineOnEdgeThreads(true);
        }
        if (eui64 != null) {
            settings.eui64(eui64);
        }
        if (alertManager != null) {
            settings.alertManager(alertManager);
        }
        if (warmupAlerts != null) {
            settings.warmupAlerts(warmupAlerts);
        } else if (!settings.warmupAlertsGiven()) {
            settings.warmupAlerts(GatewaySettings.DEFAULT_WARMUP_ALERTS);
        }
        Shutdown shutdown = new Shutdown();
        try (Gateway gateway = Gateway.start(settings, new ConsoleNotices(System.out))) {
            System.out.printf("InfusionWatch gateway running: MLLP on %s:%d, MQTT %s, protocol %s (sha256 %s), data in %s%n",
                    settings.mllpHost(), gateway.mllpPort(), gateway.mqttUri(), gateway.profile().name(),
                    gateway.profile().contentHash().substring(0, 12), settings.dataDir().toAbsolutePath());
            System.out.println("Alerts on MQTT topic icu/{unit}/{bed}/alerts.");
            if (gateway.httpPort() != GatewaySettings.HTTP_OFF) {
                System.out.printf("Nurse station and coordinator views: http://%s:%d/ (users file %s)%n",
                        "0.0.0.0".equals(settings.httpHost()) ? "localhost" : settings.httpHost(), gateway.httpPort(),
                        settings.usersFile().toAbsolutePath());
                if (!java.nio.file.Files.isRegularFile(settings.usersFile())) {
                    System.out.printf("  Nobody can sign in yet: add users with%n"
                            + "  java -jar infusionwatch-gateway.jar users add --file %s --name NAME --role nurse%n",
                            settings.usersFile().toAbsolutePath());
                }
            }
            System.out.println("Ctrl-C stops.");
            shutdown.await(0);
        } finally {
            shutdown.done();
        }
        return 0;
    }
}
