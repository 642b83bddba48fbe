package org.infusionwatch.gateway.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.infusionwatch.agent.eventlog.EventFilter;
import org.infusionwatch.agent.eventlog.EventLogReader;
import org.infusionwatch.agent.eventlog.LoggedEvent;
import org.infusionwatch.agent.model.EventCode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code report}: per patient and infusion, which pre-specified events were flagged and how long
 * after onset, then the trial safety table (events × patients and infusions). Only pseudonyms
 * appear, and nothing about the treatment arm, which the agent never knows.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Per-infusion event report and trial safety table from the event log.")
final class ReportCommand implements Callable<Integer> {

    @Option(names = "--data-dir", required = true, description = "The gateway's data folder.")
    Path dataDir;

    /** What the log says about one infusion. */
    private static final class InfusionLine {
        final String patient;
        final String infusionId;
        long onsetMs = Long.MIN_VALUE;
        final List<LoggedEvent> alerts = new ArrayList<>();

        InfusionLine(String patient, String infusionId) {
            this.patient = patient;
            this.infusionId = infusionId;
        }
    }

    @Override
    public Integer call() {
        List<LoggedEvent> rows;
        try (EventLogReader log = EventLogReader.open(dataDir)) {
            rows = log.events(EventFilter.ALL);
        }
        Map<String, InfusionLine> infusions = new TreeMap<>();
        for (LoggedEvent e : rows) {
            InfusionLine line = infusions.computeIfAbsent(e.infusionId(), id -> new InfusionLine(e.patient(), id));
            if (!e.isAlert()) {
                line.onsetMs = e.onsetMs();
            } else if ("RAISED".equals(e.state())) {
                line.onsetMs = line.onsetMs == Long.MIN_VALUE ? e.onsetMs() : line.onsetMs;
                line.alerts.add(e);
            }
        }
        print(infusions.values(), rows, System.out);
        return 0;
    }

    private static void print(Iterable<InfusionLine> infusions, List<LoggedEvent> rows, PrintStream out) {
        out.println("Pre-specified events per patient and infusion");
        out.printf("%-14s %-18s %-30s %s%n", "PATIENT", "INFUSION", "EVENT", "AFTER ONSET (condition began)");
        Map<String, Long> onsets = new LinkedHashMap<>();
        for (LoggedEvent e : rows) {
            if (!e.isAlert()) {
                onsets.putIfAbsent(e.infusionId(), e.onsetMs());
            }
        }
        for (InfusionLine line : infusions) {
            if (line.alerts.isEmpty()) {
                out.printf("%-14s %-18s %-30s %s%n", line.patient, line.infusionId, "none", "");
                continue;
            }
            long onset = onsets.getOrDefault(line.infusionId, line.onsetMs);
            for (LoggedEvent a : line.alerts) {
                String marker = EventCode.valueOf(a.code()).isProtocolEvent() ? "" : " (not a protocol event)";
                out.printf("%-14s %-18s %-30s %s%s%n", line.patient, line.infusionId, a.code(),
                        hoursMinutes(a.onsetMs() - onset), marker);
            }
        }
        out.println();
        safetyTable(infusions, out);
    }

    private static void safetyTable(Iterable<InfusionLine> infusions, PrintStream out) {
        Set<String> allPatients = new HashSet<>();
        int allInfusions = 0;
        Map<String, Set<String>> patientsByEvent = new LinkedHashMap<>();
        Map<String, Set<String>> infusionsByEvent = new LinkedHashMap<>();
        for (EventCode code : EventCode.values()) {
            if (code.isProtocolEvent()) {
                patientsByEvent.put(code.name(), new HashSet<>());
                infusionsByEvent.put(code.name(), new HashSet<>());
            }
        }
        for (InfusionLine line : infusions) {
            allPatients.add(line.patient);
            allInfusions++;
            for (LoggedEvent a : line.alerts) {
                if (patientsByEvent.containsKey(a.code())) {
                    patientsByEvent.get(a.code()).add(line.patient);
                    infusionsByEvent.get(a.code()).add(line.infusionId);
                }
            }
        }
        out.printf("Trial safety table (%d patients, %d infusions)%n", allPatients.size(), allInfusions);
        out.printf("%-30s %10s %10s%n", "EVENT", "PATIENTS", "INFUSIONS");
        for (Map.Entry<String, Set<String>> e : patientsByEvent.entrySet()) {
            out.printf("%-30s %10d %10d%n", e.getKey(), e.getValue().size(), infusionsByEvent.get(e.getKey()).size());
        }
    }

    static String hoursMinutes(long ms) {
        long minutes = ms / 60_000L;
        return "%d h %02d min".formatted(minutes / 60, Math.abs(minutes % 60));
    }
}
