package org.infusionwatch.gateway.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.infusionwatch.agent.alerts.AgentCore;
import org.infusionwatch.agent.alerts.AlertBook;
import org.infusionwatch.agent.engine.RuleEngine;
import org.infusionwatch.agent.eventlog.EventLog;
import org.infusionwatch.agent.journal.JournalRecord;
import org.infusionwatch.agent.journal.SqliteJournal;
import org.infusionwatch.agent.pipeline.NoticeOutput;
import org.infusionwatch.agent.protocol.ProtocolProfile;
import org.infusionwatch.gateway.DeviceDirectory;
import org.infusionwatch.gateway.GatewaySettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A journal replayed with decoding on a thread of its own: a row that cannot be decoded stops the
 * replay on the calling thread with the exception a single-threaded decode of that row gives,
 * after the rows before it, without hanging; the progress bar counts the inputs applied.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ReplayJournalTest {
    private static final long T0 = 1_795_000_000_000L;
    /** Many batches, so that the reader is ahead of the engine when it fails. */
    private static final int ROWS_BEFORE = 5_000;
    private static final JournalRecord UNKNOWN_FORMAT = new JournalRecord(T0, "DEVICE_REPORT", "PIGEON_POST",
            "icu/ICU-A/BED01/pump-1/obs", 0, "{}".getBytes(StandardCharsets.UTF_8), null);

    @TempDir
    Path recording;
    @TempDir
    Path replayed;

    @Test
    void shouldThrowTheDecodingFailureOfARowOnTheCallingThreadAfterTheRowsBeforeIt() {
        writeJournal(ROWS_BEFORE, UNKNOWN_FORMAT, 2_000);
        RuntimeException singleThreaded = decodedAlone(UNKNOWN_FORMAT);

        try (EventLog log = EventLog.open(replayed)) {
            Replay replay = replay(log, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));

            assertThatThrownBy(() -> replay.run(recording.resolve("journal.db")))
                    .isInstanceOf(singleThreaded.getClass())
                    .hasMessage(singleThreaded.getMessage());
            assertThat(replay.messages()).isEqualTo(ROWS_BEFORE);
        }
        // The replay let go of the journal: it opens and reads again.
        try (SqliteJournal journal = SqliteJournal.open(recording)) {
            assertThat(journal.size()).isEqualTo(ROWS_BEFORE + 1 + 2_000);
            assertThat(journal.lastSeq()).isEqualTo(journal.size());
        }
    }

    @Test
    void shouldCountTheAppliedInputsOnTheProgressBar() {
        int rows = 12_000;
        writeJournal(rows, null, 0);
        ByteArrayOutputStream progress = new ByteArrayOutputStream();

        try (EventLog log = EventLog.open(replayed)) {
            Replay replay = replay(log, new PrintStream(progress, true, StandardCharsets.UTF_8));
            replay.run(recording.resolve("journal.db"));

            assertThat(replay.messages()).isEqualTo(rows);
        }
        String shown = progress.toString(StandardCharsets.UTF_8);
        assertThat(shown).contains("] 1% 120/12000").endsWith("] 100% 12000/12000" + System.lineSeparator());
    }

    /** Ticks a minute apart, then {@code odd} (if any), then more ticks. */
    private void writeJournal(int ticksBefore, JournalRecord odd, int ticksAfter) {
        try (SqliteJournal journal = SqliteJournal.open(recording)) {
            long t = T0;
            for (int i = 0; i < ticksBefore; i++, t += 60_000) {
                journal.append(tick(t));
            }
            if (odd != null) {
                journal.append(odd);
            }
            for (int i = 0; i < ticksAfter; i++, t += 60_000) {
                journal.append(tick(t));
            }
            journal.commit();
        }
    }

    private static JournalRecord tick(long timeMs) {
        return new JournalRecord(timeMs, "TICK", "TICK", "ticker", timeMs, null, null);
    }

    /** What decoding the row on this thread, as a single-threaded replay did, throws. */
    private static RuntimeException decodedAlone(JournalRecord row) {
        try {
            new InputDecoders(new DeviceDirectory(new GatewaySettings().devices())).fromJournal(row);
        } catch (RuntimeException e) {
            return e;
        }
        throw new AssertionError("the row decodes: " + row);
    }

    private static Replay replay(EventLog log, PrintStream progressOut) {
        GatewaySettings settings = new GatewaySettings();
        RuleEngine engine = new RuleEngine(settings.engineConfig(ProtocolProfile.resolve(settings.protocol())));
        EngineDriver driver = new EngineDriver(new AgentCore(engine, new AlertBook(settings.escalateAfterMinutes() * 60_000L)),
                new NoticeOutput(log, null, (notice, nanos) -> { }));
        return new Replay(new InputDecoders(new DeviceDirectory(settings.devices())), driver, progressOut);
    }
}
