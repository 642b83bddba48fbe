package org.infusionwatch.sims.load.baseline;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.infusionwatch.sims.load.LoadDriver;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code baseline-gateway}: the load harness's floor, run in place of the gateway. */
@Command(name = "baseline-gateway", mixinStandardHelpOptions = true,
        description = "Stand in for the gateway under the load harness, doing the least any gateway must: answer "
                + "each MLLP message at once, take each MQTT message, and publish each load bed's alert when the "
                + "report that raises it arrives (no journal, no rules, no views). A load run against it measures "
                + "the machine, the broker and the driver: the floor under the gateway's figures.")
public final class BaselineGatewayCommand implements Callable<Integer> {

    @Option(names = "--mllp-host", defaultValue = "127.0.0.1", description = "MLLP address (default ${DEFAULT-VALUE}).")
    String mllpHost;

    @Option(names = "--mllp-port", defaultValue = "2575", description = "MLLP port (default ${DEFAULT-VALUE}).")
    int mllpPort;

    @Option(names = "--mqtt", required = true, paramLabel = "URL", description = "The broker the load runs on.")
    String mqtt;

    @Option(names = "--gateway-name", defaultValue = "INFUSIONWATCH",
            description = "Name of its metrics topic, as the load driver's --gateway-name (default ${DEFAULT-VALUE}).")
    String gatewayName;

    @Override
    public Integer call() throws Exception {
        CountDownLatch stopped = new CountDownLatch(1);
        try (BaselineGateway gateway = BaselineGateway.start(mllpHost, mllpPort, mqtt, gatewayName,
                LoadDriver.ALERT_AT.toMillis())) {
            Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown, "baseline-shutdown"));
            System.out.printf("baseline gateway: MLLP on %s:%d, MQTT %s; not a gateway for a ward%n", mllpHost,
                    gateway.mllpPort(), mqtt);
            stopped.await();
        }
        return 0;
    }
}
