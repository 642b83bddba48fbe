package org.infusionwatch.sims;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.infusionwatch.sims.scenario.ExpectedEvent;
import org.infusionwatch.sims.scenario.Scenarios;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Command line: plays a simulated ICU against a gateway until Ctrl-C or {@code --duration-s}.
 *
 * <pre>
 * java -jar infusionwatch-sims.jar --mllp HOST:PORT [--mqtt URL] --beds N --speed X
 *      [--scenario name[,name...]] [--sim-start ISO-instant] [--duration-s S]
 * </pre>
 */
@Command(name = "infusionwatch-sims", mixinStandardHelpOptions = true,
        description = "Plays ICU devices and scripted clinical scenarios over HL7/MLLP and MQTT.",
        subcommands = {org.infusionwatch.sims.load.LoadCommand.class,
                org.infusionwatch.sims.alertmanager.AlertManagerCommand.class,
                org.infusionwatch.sims.load.baseline.BaselineGatewayCommand.class})
public final class SimsMain implements Callable<Integer> {

    @Option(names = "--mllp", paramLabel = "HOST:PORT", description = "Gateway MLLP listener.")
    String mllp;

    @Option(names = "--mqtt", paramLabel = "URL", description = "MQTT broker, e.g. tcp://127.0.0.1:1883.")
    String mqtt;

    @Option(names = "--beds", defaultValue = "4", description = "Number of beds (default: ${DEFAULT-VALUE}).")
    int beds;

    @Option(names = "--speed", defaultValue = "60",
            description = "Sim seconds per wall second (default: ${DEFAULT-VALUE}).")
    double speed;

    @Option(names = "--scenario", split = ",", paramLabel = "NAME",
            description = "Scenarios, given to the beds in turn (default: hypoxemia, near-miss-hypoxemia, "
                    + "stable, hypoxemia). Known: ${COMPLETION-CANDIDATES}",
            completionCandidates = ScenarioNames.class)
    List<String> scenarios;

    @Option(names = "--sim-start", paramLabel = "INSTANT",
            description = "Sim time at start, e.g. 2026-11-22T09:00:00Z (default: now).")
    Instant simStart;

    @Option(names = "--duration-s", paramLabel = "S",
            description = "Stop after this many wall seconds (default: run until Ctrl-C).")
    Long durationS;

    @Option(names = "--report-period-s", defaultValue = "60",
            description = "Sim seconds between reports of each device (default: ${DEFAULT-VALUE}).")
    long reportPeriodS;

    private final PrintStream console = System.out;

    public static void main(String[] args) {
        System.exit(new CommandLine(new SimsMain()).execute(args));
    }

    @Override
    public Integer call() throws InterruptedException {
        SimulatedIcu icu = configure().build();
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            icu.close();
            stopped.countDown();
        }, "iwsim-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        icu.start();
        describe(icu);
        if (durationS != null) {
            stopped.await(durationS, TimeUnit.SECONDS);
        } else {
            stopped.await();
        }
        icu.close();
        return 0;
    }

    SimulatedIcu.Builder configure() {
        if (mllp == null && mqtt == null) {
            throw new CommandLine.ParameterException(new CommandLine(this), "give --mllp HOST:PORT and/or --mqtt URL");
        }
        Instant start = simStart != null ? simStart : Instant.now().truncatedTo(ChronoUnit.SECONDS);
        SimulatedIcu.Builder builder = SimulatedIcu.builder()
                .clock(SimClock.realTime(start, speed))
                .reportPeriodMs(Duration.ofSeconds(reportPeriodS).toMillis())
                .listener((bed, simTimeMs, description) ->
                        console.printf("%s %s %s%n", Instant.ofEpochMilli(simTimeMs), bed, description));
        if (scenarios == null || scenarios.isEmpty()) {
            builder.beds(beds);
        } else {
            for (int i = 0; i < beds; i++) {
                builder.bed(String.format("BED%02d", i + 1), Scenarios.named(scenarios.get(i % scenarios.size())));
            }
        }
        if (mllp != null) {
            HostPort target = HostPort.parse(mllp);
            builder.mllp(target.host(), target.port());
        }
        if (mqtt != null) {
            builder.mqtt(mqtt);
        }
        return builder;
    }

    private void describe(SimulatedIcu icu) {
        long startMs = icu.scenarioStartMillis();
        for (BedAssignment bed : icu.beds()) {
            StringBuilder line = new StringBuilder()
                    .append(bed.bed()).append(": ").append(bed.scenario().name())
                    .append(" (").append(bed.scenario().description()).append("); onset ")
                    .append(Instant.ofEpochMilli(startMs + bed.scenario().onsetOffsetMs()));
            for (ExpectedEvent expected : bed.scenario().expectedEvents()) {
                line.append("; expects ").append(expected.code()).append(" at ")
                        .append(Instant.ofEpochMilli(startMs + expected.offsetMs()));
            }
            console.println(line);
        }
    }

    /** A {@code HOST:PORT} pair; the last colon separates them. */
    record HostPort(String host, int port) {

        static HostPort parse(String text) {
            int colon = text.lastIndexOf(':');
            if (colon <= 0 || colon == text.length() - 1) {
                throw new IllegalArgumentException("expected HOST:PORT, got '" + text + "'");
            }
            String host = text.substring(0, colon);
            if (host.startsWith("[") && host.endsWith("]")) {
                host = host.substring(1, host.length() - 1); // [::1]:2575
            }
            return new HostPort(host, Integer.parseInt(text.substring(colon + 1)));
        }
    }

    /** The scenario names, for picocli's help text. */
    static final class ScenarioNames implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return Scenarios.names().iterator();
        }
    }
}
