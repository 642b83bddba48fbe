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
 * exactly the alerts the live run gave). Not thread-safe.
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
        Progress progress = new Progress(progressOut, all.size());
        for (int i = 0; i < all.size(); i++) {
            driver.apply(decoders.hl7(all.get(i)));
            messages++;
            progress.at(i + 1);
        }
    }

    private void replayJournal(Path file) {
        Path dir = file.toAbsolutePath().getParent();
        if (!file.getFileName().toString().equals("journal.db")) {
            throw new IllegalArgumentException("a journal must be named journal.db: " + file);
        }
        try (SqliteJournal journal = SqliteJournal.open(dir)) {
            long total = journal.size();
            Progress progress = new Progress(progressOut, total);
            long[] done = {0};
            journal.forEach(row -> {
                driver.apply(decoders.fromJournal(row.record()));
                messages++;
                progress.at(++done[0]);
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
