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
        Shutdown shutdown = new Shutdown();
        try (Gateway gateway = Gateway.start(settings, new ConsoleNotices(System.out))) {
            System.out.printf("InfusionWatch gateway running: MLLP on %s:%d, MQTT %s, protocol %s (sha256 %s), data in %s%n",
                    settings.mllpHost(), gateway.mllpPort(), gateway.mqttUri(), gateway.profile().name(),
                    gateway.profile().contentHash().substring(0, 12), settings.dataDir().toAbsolutePath());
            System.out.println("Alerts on MQTT topic icu/{unit}/{bed}/alerts. Ctrl-C stops.");
            shutdown.await(0);
        } finally {
            shutdown.done();
        }
        return 0;
    }
}
