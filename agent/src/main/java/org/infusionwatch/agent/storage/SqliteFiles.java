package org.infusionwatch.agent.storage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/**
 * Opens the agent's SQLite files the one way they are meant to be used: WAL (readers never block
 * the writer), a busy timeout (a second connection to the same file waits instead of failing), and
 * the durability the file needs ({@link Durability}).
 */
public final class SqliteFiles {
    private SqliteFiles() {
    }

    /** How a commit meets the disk. */
    public enum Durability {
        /**
         * {@code synchronous=FULL}: a committed transaction survives a power cut. For the input
         * journal, whose commit releases the devices' ACKs.
         */
        SYNCED("FULL"),
        /**
         * {@code synchronous=NORMAL}: a commit survives a crash of the process but not a power cut,
         * and costs no fsync. For files the agent re-derives from the journal at start-up (the
         * event log and its delivery ledger), so that an alert never waits for the disk.
         */
        DERIVED("NORMAL");

        private final String pragma;

        Durability(String pragma) {
            this.pragma = pragma;
        }
    }

    /** Opens (creating the folder and the file if needed) {@code dataDir/fileName}. */
    public static Connection open(Path dataDir, String fileName, Durability durability) {
        try {
            Files.createDirectories(dataDir);
            Connection c = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve(fileName));
            try (Statement st = c.createStatement()) {
                st.execute("PRAGMA journal_mode=WAL");
                st.execute("PRAGMA synchronous=" + durability.pragma);
                st.execute("PRAGMA busy_timeout=5000");
            }
            return c;
        } catch (Exception e) {
            throw new IllegalStateException("cannot open " + fileName + " in " + dataDir + ": " + e.getMessage(), e);
        }
    }
}
