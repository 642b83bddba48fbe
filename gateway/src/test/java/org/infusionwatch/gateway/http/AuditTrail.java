package org.infusionwatch.gateway.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.infusionwatch.gateway.http.auth.AuditLog;

/** The gateway's {@code audit.log} as tests read it: one JSON object per line. */
final class AuditTrail {
    private static final ObjectMapper JSON = new ObjectMapper();

    private AuditTrail() {
    }

    static List<JsonNode> lines(Path dataDir) {
        Path file = dataDir.resolve(AuditLog.FILE);
        List<JsonNode> out = new ArrayList<>();
        try {
            if (!Files.exists(file)) {
                return out;
            }
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    out.add(JSON.readTree(line));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** Lines by {@code user} whose action is {@code action} and outcome {@code outcome}. */
    static List<JsonNode> find(Path dataDir, String user, String action, String outcome) {
        return lines(dataDir).stream()
                .filter(l -> l.path("user").asText().equals(user) && l.path("action").asText().equals(action)
                        && l.path("outcome").asText().equals(outcome))
                .toList();
    }
}
