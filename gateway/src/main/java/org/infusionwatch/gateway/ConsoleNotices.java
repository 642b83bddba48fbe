package org.infusionwatch.gateway;

import java.io.PrintStream;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.infusionwatch.agent.model.AgentNotice;
import org.infusionwatch.agent.model.Alert;
import org.infusionwatch.agent.model.AlertChange;
import org.infusionwatch.agent.model.InfusionNotice;
import org.infusionwatch.agent.ports.NoticeSink;

/**
 * Prints infusion changes and alerts for a person watching the console, in plain words. Shows
 * pseudonyms only. Called on the output thread.
 */
public final class ConsoleNotices implements NoticeSink {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    private final PrintStream out;

    public ConsoleNotices(PrintStream out) {
        this.out = out;
    }

    @Override
    public void onNotice(AgentNotice notice, long inputReceivedNanos) {
        out.println(describe(notice));
        out.flush();
    }

    static String describe(AgentNotice notice) {
        if (notice instanceof InfusionNotice n) {
            String what = switch (n.kind()) {
                case OPENED -> "study infusion started: T0, 6 h window open";
                case RESUMED -> "study infusion resumed (window still runs from T0)";
                case COMPLETED -> "study infusion delivery complete, " + sinceOnset(n.onsetMs(), n.timeMs()) + " after T0";
                case WINDOW_CLOSED -> "6 h window closed";
            };
            return "[%s] %-12s %-12s %s  %s".formatted(TIME.format(Instant.ofEpochMilli(n.timeMs())), n.bed(),
                    n.patient(), n.infusionId(), what);
        }
        if (notice instanceof AlertChange c) {
            return "[%s] %-12s %-12s %s  alert %s %s by %s%s".formatted(TIME.format(Instant.ofEpochMilli(c.timeMs())),
                    c.bed(), c.patient(), c.infusionId(), c.event(), c.state(), c.by(),
                    c.note().isEmpty() ? "" : ": " + c.note());
        }
        Alert a = (Alert) notice;
        return "[%s] %-12s %-12s %s  ALERT %s (%s): %s".formatted(TIME.format(Instant.ofEpochMilli(a.raisedMs())),
                a.bed(), a.patient(), a.infusionId(), a.event(), a.priority(), evidence(a));
    }

    private static String evidence(Alert a) {
        return AlertWording.evidence(a.event(), a.evidence());
    }

    static String sinceOnset(long onsetMs, long timeMs) {
        return AlertWording.duration(timeMs - onsetMs);
    }
}
