package org.infusionwatch.sims.alertmanager;

import java.io.PrintStream;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code alert-manager}: a simulated hospital alert manager that prints each PCD-04 alert it is sent. */
@Command(name = "alert-manager", mixinStandardHelpOptions = true,
        description = "Listen for IHE PCD-04 alerts (ORU^R40 over MLLP), as a hospital's alert manager would, "
                + "print each one and acknowledge it (AA). Point a gateway at it with run --alert-manager HOST:PORT.")
public final class AlertManagerCommand implements Callable<Integer> {

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to listen on (default ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--port", defaultValue = "2576", description = "Port to listen on (default ${DEFAULT-VALUE}).")
    int port;

    private final PrintStream console = System.out;

    @Override
    public Integer call() throws Exception {
        CountDownLatch stopped = new CountDownLatch(1);
        try (SimulatedAlertManager am = SimulatedAlertManager.start(host, port, a -> console.println(describe(a)))) {
            Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown, "iwsim-shutdown"));
            console.printf("alert manager listening on %s:%d (MLLP, IHE PCD-04)%n", host, am.port());
            stopped.await();
        }
        return 0;
    }

    /** One line per message: bed, event, phase, priority, and the alert's words. */
    public static String describe(ReceivedAlert a) {
        String state = a.phase() + (a.inactivation().isEmpty() || a.inactivation().equals("enabled")
                ? "" : "/" + a.inactivation());
        return "%s/%s %s %s %s: %s".formatted(a.unit(), a.bed(), a.event(), state, a.priority(), a.text());
    }
}
