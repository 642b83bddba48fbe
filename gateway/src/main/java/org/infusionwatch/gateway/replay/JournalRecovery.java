package org.infusionwatch.gateway.replay;

import org.infusionwatch.agent.journal.SqliteJournal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rebuilds the engine's state after a restart by feeding it the whole journal, exactly as it was
 * fed live: open infusions, baselines, pending holds and raised alerts come back. Notices that
 * the event log already holds are not logged twice; those the broker never confirmed are sent.
 */
public final class JournalRecovery {
    private static final Logger LOG = LoggerFactory.getLogger(JournalRecovery.class);

    private JournalRecovery() {
    }

    /**
     * Reads and decodes on a thread of its own while this one applies, as {@code replay} does, so
     * that a long journal keeps the gateway closed for as short a time as possible.
     *
     * @return how many journal rows were read
     */
    public static long rebuild(SqliteJournal journal, InputDecoders decoders, EngineDriver driver) {
        long[] rows = {0};
        try (DecodeAhead ahead = DecodeAhead.start(next -> journal.forEach(row -> next.accept(decoders.fromJournal(row.record()))))) {
            ahead.applyEach(input -> {
                driver.apply(input);
                rows[0]++;
            });
        }
        if (rows[0] > 0) {
            LOG.info("state rebuilt from {} journal rows ({} applied, {} refused inputs skipped)", rows[0],
                    driver.applied(), driver.skipped());
        }
        return rows[0];
    }
}
