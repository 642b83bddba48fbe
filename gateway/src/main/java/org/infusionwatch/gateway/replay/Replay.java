package org.infusionwatch.gateway.replay;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.infusionwatch.agent.journal.SqliteJournal;

/**
 * Runs recordings through the real decoders and engine at full speed: HL7 files in any common
 * layout, or a gateway's journal ({@code journal.db}, ticks included, so a journal replays to
 * exactly the alerts the live run gave).
 *
 * <p>Each recording is read and decoded on a thread of its own while the calling thread applies
 * the inputs to the engine ({@link DecodeAhead}): the decoders are used by that one reading thread
 * only, the engine, the event log and the progress bar by the calling thread only, and the inputs
 * reach the engine in recording order, so the event log is the one a single thread would write.
 * Not thread-safe: one calling thread, one recording at a time.
 */
public final class Replay {
    private static final byte[] SQLITE_MAGIC = "SQLite format 3\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private final InputDecoders decoders;
    private final EngineDriver driver;
    private final PrintStream progressOut;
    private long messages;

    public Replay(InputDecoders decoders, EngineDriver driver, PrintStream progressOut) {
        this.decoders = decoders;
        this.driver = driver;
        this.progressOut = progressOut;
    }

    /** Replays one input file (HL7 text or a journal database). */
    public void run(Path input) {
        if (isSqlite(input)) {
            replayJournal(input);
        } else {
            replayHl7(input);
        }
    }

    /** Inputs read so far. */
    public long messages() {
        return messages;
    }

    private void replayHl7(Path file) {
        List<byte[]> all;
        try {
            all = Hl7FileSplitter.split(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        applyAll(next -> {
            for (byte[] message : all) {
                next.accept(decoders.hl7(message));
            }
        }, new Progress(progressOut, all.size()));
    }

    private void replayJournal(Path file) {
        Path dir = file.toAbsolutePath().getParent();
        if (!file.getFileName().toString().equals("journal.db")) {
            throw new IllegalArgumentException("a journal must be named journal.db: " + file);
        }
        try (SqliteJournal journal = SqliteJournal.open(dir)) {
            // Counted before the reading thread starts: the journal's connection is used by one thread at a time.
            Progress progress = new Progress(progressOut, journal.lastSeq());
            applyAll(next -> journal.forEach(row -> next.accept(decoders.fromJournal(row.record()))), progress);
        }
    }

    /**
     * Decodes on a reading thread and applies on this one; returns once the reading thread has
     * stopped, whether the replay ended or failed, so that the recording can then be closed.
     */
    private void applyAll(DecodingStage decoding, Progress progress) {
        long[] applied = {0};
        try (DecodeAhead ahead = DecodeAhead.start(decoding)) {
            ahead.applyEach(input -> {
                driver.apply(input);
                messages++;
                progress.at(++applied[0]);
            });
        }
    }

    private static boolean isSqlite(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return Arrays.equals(in.readNBytes(SQLITE_MAGIC.length), SQLITE_MAGIC);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
