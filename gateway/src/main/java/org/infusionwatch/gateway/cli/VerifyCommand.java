package org.infusionwatch.gateway.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.infusionwatch.agent.eventlog.ChainVerification;
import org.infusionwatch.agent.eventlog.EventLogReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code verify}: checks the event log's hash chain; exit code 1 names the first broken row. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Check that no event-log row was edited, removed or reordered (hash chain).")
final class VerifyCommand implements Callable<Integer> {

    @Option(names = "--data-dir", required = true, description = "The gateway's data folder.")
    Path dataDir;

    @Override
    public Integer call() {
        try (EventLogReader log = EventLogReader.open(dataDir)) {
            ChainVerification v = log.verify();
            if (v.intact()) {
                System.out.printf("event log intact: %d rows, hash chain holds%n", v.rows());
                return 0;
            }
            System.out.printf("event log BROKEN at row %d: %s (%d rows before it hold)%n", v.firstBrokenSeq(),
                    v.problem(), v.rows());
            return 1;
        }
    }
}
