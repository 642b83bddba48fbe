package org.infusionwatch.gateway.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.infusionwatch.agent.eventlog.EventFilter;
import org.infusionwatch.agent.eventlog.EventLogReader;
import org.infusionwatch.agent.eventlog.LoggedEvent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code events}: the event log for coordinators, filtered, as a table, CSV or JSON. */
@Command(name = "events", mixinStandardHelpOptions = true,
        description = "List event-log rows (alerts and infusion changes).")
final class EventsCommand implements Callable<Integer> {
    enum Format { table, csv, json }

    @Option(names = "--data-dir", required = true, description = "The gateway's data folder.")
    Path dataDir;

    @Option(names = "--from", converter = TimeOption.class, description = "Earliest event time (ISO instant or date).")
    Long from;

    @Option(names = "--to", converter = TimeOption.class, description = "Latest event time (ISO instant or date).")
    Long to;

    @Option(names = "--bed", description = "BED01 or ICU-A/BED01.")
    String bed;

    @Option(names = "--event", description = "Event code, e.g. HYPOXEMIA_WORSENING or INFUSION_OPENED.")
    String event;

    @Option(names = "--format", defaultValue = "table", description = "table, csv or json (default ${DEFAULT-VALUE}).")
    Format format;

    @Override
    public Integer call() throws Exception {
        EventFilter filter = new EventFilter(from == null ? Long.MIN_VALUE : from, to == null ? Long.MAX_VALUE : to,
                bed, event);
        List<LoggedEvent> rows;
        try (EventLogReader log = EventLogReader.open(dataDir)) {
            rows = log.events(filter);
        }
        PrintStream out = System.out;
        switch (format) {
            case csv -> csv(rows, out);
            case json -> out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(rows.stream().map(EventsCommand::asMap).toList()));
            default -> table(rows, out);
        }
        return 0;
    }

    static Map<String, Object> asMap(LoggedEvent e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("seq", e.seq());
        m.put("time", Instant.ofEpochMilli(e.eventMs()).toString());
        m.put("unit", e.unit());
        m.put("bed", e.bed());
        m.put("patient", e.patient());
        m.put("infusionId", e.infusionId());
        m.put("kind", e.kind());
        m.put("code", e.code());
        m.put("state", e.state());
        m.put("onsetTime", Instant.ofEpochMilli(e.onsetMs()).toString());
        m.put("alertId", e.alertId());
        m.put("details", e.payload());
        return m;
    }

    private static void csv(List<LoggedEvent> rows, PrintStream out) {
        out.println("seq,time,unit,bed,patient,infusion_id,kind,code,state,onset_time,alert_id,details");
        for (LoggedEvent e : rows) {
            List<String> cells = new ArrayList<>();
            for (Object v : asMap(e).values()) {
                cells.add(csvCell(String.valueOf(v)));
            }
            out.println(String.join(",", cells));
        }
    }

    static String csvCell(String v) {
        if (v.contains(",") || v.contains("\"") || v.contains("\n")) {
            return '"' + v.replace("\"", "\"\"") + '"';
        }
        return v;
    }

    private static void table(List<LoggedEvent> rows, PrintStream out) {
        String fmt = "%-5s %-20s %-8s %-7s %-12s %-16s %-28s %-10s%n";
        out.printf(fmt, "SEQ", "TIME", "UNIT", "BED", "PATIENT", "INFUSION", "CODE", "STATE");
        for (LoggedEvent e : rows) {
            out.printf(fmt, e.seq(), Instant.ofEpochMilli(e.eventMs()).toString(), e.unit(), e.bed(), e.patient(),
                    e.infusionId(), e.code(), e.state());
        }
        out.printf("%d rows%n", rows.size());
    }
}
