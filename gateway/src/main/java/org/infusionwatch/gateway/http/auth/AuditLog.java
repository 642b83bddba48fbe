package org.infusionwatch.gateway.http.auth;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who did what through the browser pages: sign-ins (failed ones too), acknowledgements, notes,
 * entries, exports, protocol uploads, refusals. One JSON object per line in {@code audit.log} of
 * the data folder, flushed per line, and the same on the gateway's log. Records staff names, bed
 * and alert identifiers, never free text or patient data (notes live in the journal and event
 * log). Thread-safe (synchronized).
 */
public final class AuditLog implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AuditLog.class);
    public static final String FILE = "audit.log";

    private final Path file;
    private final BufferedWriter out;
    private final LongSupplier wallClockMs;
    private final ObjectMapper json = new ObjectMapper();

    private AuditLog(Path file, LongSupplier wallClockMs) throws IOException {
        this.file = file;
        this.wallClockMs = wallClockMs;
        this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }

    public static AuditLog open(Path dataDir, LongSupplier wallClockMs) {
        try {
            Files.createDirectories(dataDir);
            return new AuditLog(dataDir.resolve(FILE), wallClockMs);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open " + FILE + " in " + dataDir, e);
        }
    }

    /**
     * @param user    staff name, or the name tried for a failed sign-in, or {@code -}
     * @param role    the user's role, or {@code -}
     * @param action  e.g. {@code SIGN_IN}, {@code ACKNOWLEDGE}, {@code ENTRY}
     * @param target  an alert id, a bed key, a file name; may be empty
     * @param outcome {@code OK}, {@code DENIED}, {@code FAILED}, {@code CONFLICT}...
     */
    public synchronized void record(String user, String role, String action, String target, String outcome) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("time", Instant.ofEpochMilli(wallClockMs.getAsLong()).toString());
        line.put("user", user);
        line.put("role", role);
        line.put("action", action);
        line.put("target", target == null ? "" : target);
        line.put("outcome", outcome);
        try {
            out.write(json.writeValueAsString(line));
            out.newLine();
            out.flush();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            LOG.error("audit line could not be written to {}", file, e);
        }
        LOG.info("audit: {} ({}) {} {} → {}", user, role, action, target == null ? "" : target, outcome);
    }

    /** The last {@code limit} lines, oldest first. */
    public synchronized List<JsonNode> tail(int limit) {
        Deque<JsonNode> last = new ArrayDeque<>();
        try {
            for (String l : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (l.isBlank()) {
                    continue;
                }
                last.addLast(json.readTree(l));
                if (last.size() > limit) {
                    last.removeFirst();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return new ArrayList<>(last);
    }

    @Override
    public synchronized void close() {
        try {
            out.close();
        } catch (IOException e) {
            LOG.warn("audit log close failed", e);
        }
    }
}
