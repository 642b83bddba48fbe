package org.infusionwatch.agent.storage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/**
 * Opens the agent's SQLite files the one way they are meant to be used: WAL (readers never block
 * the writer), {@code synchronous=FULL} (a committed transaction survives a power cut) and a busy
 * timeout (a second connection to the same file waits instead of failing).
 */
public final class SqliteFiles {
    private SqliteFiles() {
    }

    /** Opens (creating the folder and the file if needed) {@code dataDir/fileName}. */
    public static Connection open(Path dataDir, String fileName) {
        try {
            Files.createDirectories(dataDir);
            Connection c = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve(fileName));
            try (Statement st = c.createStatement()) {
                st.execute("PRAGMA journal_mode=WAL");
                st.execute("PRAGMA synchronous=FULL");
                st.execute("PRAGMA busy_timeout=5000");
            }
            return c;
        } catch (Exception e) {
            throw new IllegalStateException("cannot open " + fileName + " in " + dataDir + ": " + e.getMessage(), e);
        }
    }
}
