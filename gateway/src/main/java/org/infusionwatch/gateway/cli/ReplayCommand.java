package org.infusionwatch.gateway.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.infusionwatch.agent.alerts.AgentCore;
import org.infusionwatch.agent.alerts.AlertBook;
import org.infusionwatch.agent.engine.RuleEngine;
import org.infusionwatch.agent.eventlog.EventLog;
import org.infusionwatch.agent.pipeline.NoticeOutput;
import org.infusionwatch.agent.protocol.ProtocolProfile;
import org.infusionwatch.gateway.DeviceDirectory;
import org.infusionwatch.gateway.GatewaySettings;
import org.infusionwatch.gateway.replay.EngineDriver;
import org.infusionwatch.gateway.replay.InputDecoders;
import org.infusionwatch.gateway.replay.Replay;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code replay}: recorded HL7 or a journal through the real decoders and engine, into the event
 * log of {@code --data-dir}. Under another protocol it answers a coordinator's "what if".
 */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = "Replay recorded HL7 (MLLP-framed, blank-line or CR separated, batch) or a journal.db.")
final class ReplayCommand implements Callable<Integer> {

    @Option(names = "--input", required = true, arity = "1..*", description = "Recorded HL7 files or journal.db files.")
    List<Path> inputs;

    @Option(names = "--protocol", description = "STROMA (default), START, LANZONI, or a protocol file.")
    String protocol;

    @Option(names = "--data-dir", required = true, description = "Where the replay's event log goes (use a new folder).")
    Path dataDir;

    @Option(names = "--config", description = "Gateway config file, for enrolment and the device table"
            + " (default: the gateway-settings.json beside the first journal.db input, if any).")
    Path config;

    @Override
    public Integer call() {
        GatewaySettings settings = new GatewaySettings();
        Path settingsFile = config != null ? config : snapshotBesideJournal();
        if (settingsFile != null) {
            settings.load(settingsFile);
        }
        ProtocolProfile profile = ProtocolProfile.resolve(protocol != null ? protocol : settings.protocol());
        RuleEngine engine = new RuleEngine(settings.engineConfig(profile));
        long started = System.nanoTime();
        long alerts;
        long messages;
        try (EventLog log = EventLog.open(dataDir)) {
            long[] counted = {0};
            NoticeOutput output = new NoticeOutput(log, null, (n, t) -> counted[0]++);
            Replay replay = new Replay(new InputDecoders(new DeviceDirectory(settings.devices())),
                    new EngineDriver(new AgentCore(engine, new AlertBook(settings.escalateAfterMinutes() * 60_000L)),
                            output), System.err);
            for (Path input : inputs) {
                replay.run(input);
            }
            messages = replay.messages();
            alerts = counted[0];
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        if (settingsFile != null) {
            System.out.println("settings from " + settingsFile);
        }
        System.out.printf("replayed %d inputs in %.1f s (%.0f/s) under %s (sha256 %s): %d new event-log rows in %s%n",
                messages, seconds, messages / Math.max(seconds, 1e-9), profile.name(),
                profile.contentHash().substring(0, 12), alerts, dataDir.toAbsolutePath());
        return 0;
    }

    private Path snapshotBesideJournal() {
        for (Path input : inputs) {
            Path dir = input.toAbsolutePath().getParent();
            if (input.getFileName().toString().equals("journal.db")
                    && java.nio.file.Files.isRegularFile(dir.resolve(GatewaySettings.SNAPSHOT_FILE))) {
                return dir.resolve(GatewaySettings.SNAPSHOT_FILE);
            }
        }
        return null;
    }
}
