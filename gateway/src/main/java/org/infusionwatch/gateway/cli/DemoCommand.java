package org.infusionwatch.gateway.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.Callable;
import org.infusionwatch.agent.model.BedRef;
import org.infusionwatch.gateway.ConsoleNotices;
import org.infusionwatch.gateway.Gateway;
import org.infusionwatch.gateway.GatewaySettings;
import org.infusionwatch.gateway.http.auth.PasswordHasher;
import org.infusionwatch.gateway.http.auth.Role;
import org.infusionwatch.gateway.http.auth.UsersFile;
import org.infusionwatch.sims.SimClock;
import org.infusionwatch.sims.SimulatedIcu;
import org.infusionwatch.sims.alertmanager.AlertManagerCommand;
import org.infusionwatch.sims.alertmanager.SimulatedAlertManager;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code demo}: a whole ICU in one process with no set-up. An embedded MQTT broker, the gateway,
 * and simulated beds whose ventilators, monitors and study pumps connect over real loopback
 * sockets (MLLP and MQTT), on a sped-up clock shared by devices and agent.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Play a simulated ICU against a real gateway, time sped up, and print what the agent flags.")
final class DemoCommand implements Callable<Integer> {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);
    private static final String UNIT = "ICU-A";

    @Option(names = "--beds", defaultValue = "4", description = "Simulated beds (default ${DEFAULT-VALUE}).")
    int beds;

    @Option(names = "--speed", defaultValue = "360", description = "Time factor; 360 plays a 6 h window in a minute.")
    double speed;

    @Option(names = "--mllp-port", defaultValue = "2575", description = "MLLP port (default ${DEFAULT-VALUE}).")
    int mllpPort;

    @Option(names = "--mqtt-port", defaultValue = "1883", description = "Embedded MQTT broker port (default ${DEFAULT-VALUE}).")
    int mqttPort;

    @Option(names = "--http-port", defaultValue = "8080",
            description = "Port of the nurse station and coordinator views on 127.0.0.1 (default ${DEFAULT-VALUE}; -1: none).")
    int httpPort;

    @Option(names = "--alert-manager-port", defaultValue = "0",
            description = "Port of the simulated hospital alert manager on 127.0.0.1, which prints the IHE PCD-04 alerts "
                    + "the gateway sends it (default: any free port; -1: none).")
    int alertManagerPort;

    @Option(names = "--data-dir", description = "Folder for journal and event log (default: a new temporary folder).")
    Path dataDir;

    @Option(names = "--duration-s", defaultValue = "0", description = "Stop after this many seconds (0: run until Ctrl-C).")
    long durationSeconds;

    @Override
    public Integer call() throws Exception {
        Path data = dataDir != null ? dataDir : Files.createTempDirectory("infusionwatch-demo-");
        if (httpPort != GatewaySettings.HTTP_OFF) {
            createDemoUsers(new GatewaySettings().dataDir(data).usersFile());
        }
        SimClock clock = SimClock.realTime(Instant.now().truncatedTo(ChronoUnit.MINUTES), speed);
        GatewaySettings settings = new GatewaySettings()
                .mllpHost("127.0.0.1")
                .mllpPort(mllpPort)
                .mqtt(GatewaySettings.EMBEDDED)
                .embeddedMqttPort(mqttPort)
                .dataDir(data)
                .escalateAfterMinutes(60)
                .httpHost("127.0.0.1")
                .httpPort(httpPort)
                .agentClockMs(clock::nowMillis)
                .warmupAlerts(GatewaySettings.DEFAULT_WARMUP_ALERTS);
        for (int i = 1; i <= beds; i++) {
            settings.enrol(new BedRef(UNIT, "BED%02d".formatted(i)), "STROMA-%04d".formatted(i));
        }
        SimulatedAlertManager alertManager = alertManagerPort < 0 ? null
                : SimulatedAlertManager.start("127.0.0.1", alertManagerPort, a -> System.out.printf(
                        "[alert manager] %s%n", AlertManagerCommand.describe(a)));
        if (alertManager != null) {
            settings.alertManager("127.0.0.1:" + alertManager.port());
        }
        Shutdown shutdown = new Shutdown();
        try (alertManager; Gateway gateway = Gateway.start(settings, new ConsoleNotices(System.out))) {
            printBanner(gateway, data);
            try (SimulatedIcu icu = SimulatedIcu.builder()
                    .unit(UNIT)
                    .beds(beds)
                    .clock(clock)
                    .mllp("127.0.0.1", gateway.mllpPort())
                    .mqtt(gateway.mqttUri())
                    .listener((bed, simTimeMs, description) -> System.out.printf("[%s] %-12s devices: %s%n",
                            TIME.format(Instant.ofEpochMilli(simTimeMs)), UNIT + "/" + bed, description))
                    .build()) {
                icu.start();
                shutdown.await(durationSeconds);
            }
        } finally {
            shutdown.done();
        }
        System.out.println("Demo stopped. Journal and event log kept in " + data.toAbsolutePath());
        return 0;
    }

    /** Demo users whose password is their name, so anyone can try every role. Never for a real ward. */
    private static void createDemoUsers(Path file) {
        UsersFile users = new UsersFile(file);
        PasswordHasher hasher = new PasswordHasher();
        for (Role role : Role.values()) {
            users.addIfAbsent(role.id(), role, role.id().toCharArray(), hasher);
        }
    }

    private void printBanner(Gateway gateway, Path data) {
        System.out.printf("""
                InfusionWatch demo: %d simulated beds in %s, time x%.0f (a 6 h infusion window takes about %.0f s).
                  MLLP listener   127.0.0.1:%d (ventilators and pumps send IHE PCD-01/PCD-10)
                  MQTT broker     %s (monitors publish icu/{unit}/{bed}/{device}/obs)
                  Alerts          MQTT topic icu/+/+/alerts   e.g. mosquitto_sub -h 127.0.0.1 -p %d -t 'icu/+/+/alerts' -v
                  Infusions       MQTT topic icu/+/+/infusions
                %s  Data folder     %s (journal.db, eventlog.db: sqlite3 readable)
                  Protocol        %s, sha256 %s
                %sCtrl-C stops.
                %n""", beds, UNIT, speed, 6 * 3600 / speed, gateway.mllpPort(), gateway.mqttUri(), mqttPort,
                alertManagerBanner(gateway), data.toAbsolutePath(), gateway.profile().name(),
                gateway.profile().contentHash().substring(0, 12), webBanner(gateway));
    }

    private static String alertManagerBanner(Gateway gateway) {
        String am = gateway.settings().alertManager();
        return am == null ? "" : "  Alert manager   %s (simulated; gets IHE PCD-04 over MLLP, prints [alert manager] lines)%n"
                .formatted(am);
    }

    private static String webBanner(Gateway gateway) {
        if (gateway.httpPort() == GatewaySettings.HTTP_OFF) {
            return "";
        }
        return """
                  Nurse station   http://127.0.0.1:%d/   (open it in a browser)
                  Demo users      nurse/nurse, coordinator/coordinator, admin/admin (name/password; demo only)
                """.formatted(gateway.httpPort());
    }
}
