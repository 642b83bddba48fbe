package org.infusionwatch.sims.load;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code load}: drives a running gateway and says PASS or FAIL against the performance targets. */
@Command(name = "load", mixinStandardHelpOptions = true,
        description = "Drive a running gateway with many beds over MLLP and MQTT; print latency, throughput, CPU, heap "
                + "and PASS/FAIL. Exit code 0 only on PASS.")
public final class LoadCommand implements Callable<Integer> {

    @Option(names = "--mllp", paramLabel = "HOST:PORT", description = "Gateway MLLP listener.")
    String mllp;

    @Option(names = "--mqtt", required = true, paramLabel = "URL", description = "The gateway's MQTT broker.")
    String mqtt;

    @Option(names = "--beds", defaultValue = "1000", description = "Beds over MLLP (default ${DEFAULT-VALUE}).")
    int beds;

    @Option(names = "--mqtt-beds", defaultValue = "1000", description = "Beds over MQTT (default ${DEFAULT-VALUE}).")
    int mqttBeds;

    @Option(names = "--connections", defaultValue = "32", description = "MLLP connections (default ${DEFAULT-VALUE}).")
    int connections;

    @Option(names = "--duration-s", defaultValue = "120", description = "Seconds of load (default ${DEFAULT-VALUE}).")
    int durationSeconds;

    @Option(names = "--event-minutes-per-s", defaultValue = "5",
            description = "Event minutes per wall second and per report (default ${DEFAULT-VALUE}).")
    int eventMinutesPerSecond;

    // Each bed's alert comes 39 s after its start (at 5 event minutes per second): spreading the
    // starts over 60 s puts the alerts between 39 s and 99 s into the run, after the gateway's
    // JIT compiler has done most of its work on the same two cores, and keeps them 30 a second.
    @Option(names = "--stagger-s", defaultValue = "60",
            description = "Spread of bed starts (default ${DEFAULT-VALUE}); alerts fall 39 s after each start.")
    int staggerSeconds;

    @Option(names = "--idle-s", defaultValue = "5", description = "Idle seconds measured first (0: skip).")
    int idleSeconds;

    @Option(names = "--gateway-name", defaultValue = "INFUSIONWATCH", description = "The gateway's application name.")
    String gatewayName;

    @Override
    public Integer call() throws Exception {
        String host = null;
        int port = 0;
        if (mllp != null) {
            int colon = mllp.lastIndexOf(':');
            host = mllp.substring(0, colon);
            port = Integer.parseInt(mllp.substring(colon + 1));
        }
        LoadResult result = new LoadDriver(new LoadSettings(host, port, connections, mqtt, mllp == null ? 0 : beds,
                mqttBeds, durationSeconds, eventMinutesPerSecond, staggerSeconds, idleSeconds, gatewayName),
                System.out).run();
        result.print(System.out);
        return result.passed() ? 0 : 1;
    }
}
