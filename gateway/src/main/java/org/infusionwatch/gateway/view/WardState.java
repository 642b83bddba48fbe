package org.infusionwatch.gateway.view;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.Optional;
import org.infusionwatch.agent.engine.Enrolment;
import org.infusionwatch.agent.model.AgentNotice;
import org.infusionwatch.agent.model.Alert;
import org.infusionwatch.agent.model.AlertChange;
import org.infusionwatch.agent.model.AlertState;
import org.infusionwatch.agent.model.BedRef;
import org.infusionwatch.agent.model.ClinicianEntry;
import org.infusionwatch.agent.model.DeviceReport;
import org.infusionwatch.agent.model.InfusionNotice;
import org.infusionwatch.agent.model.Priority;

/**
 * The ward as the nurse station sees it, built from the agent's inputs (values, entries, ticks)
 * and notices (alerts, infusions). Time is the agent clock's latest tick, so it runs as fast as
 * the demo's clock and a replay shows what a nurse would have seen. Not thread-safe: one thread
 * owns it ({@link WardView}); tests drive it directly.
 */
public final class WardState {
    private static final Comparator<TrackedAlert> URGENCY = Comparator
            .comparing(TrackedAlert::acknowledged)
            .thenComparing(a -> a.alert.priority())
            .thenComparingLong(a -> a.acknowledged() ? -a.acknowledgedMs : a.alert.raisedMs());
    private static final int MAX_ALERTS_SHOWN = 200;

    private final WardLayout layout;
    private final TrendStore trends;
    /** Shown by unit, then bed. */
    private static final Comparator<BedRef> BED_ORDER = Comparator.comparing(BedRef::unit).thenComparing(BedRef::bed);

    /** Looked up for every device report (hashing); sorted only when a snapshot is built. */
    private final Map<BedRef, BedBoard> beds = new HashMap<>();
    private final Map<String, TrackedAlert> alerts = new LinkedHashMap<>();
    private long nowMs = Long.MIN_VALUE;
    private Supplier<WardSnapshot.AlertManagerLink> alertManagerLink = () -> null;
    private long newestEventMs = Long.MIN_VALUE;

    /** A view whose chart values are kept in memory only (tests, replays). */
    public WardState(WardLayout layout) {
        this(layout, TrendStore.inMemory(layout.historyMs()));
    }

    WardState(WardLayout layout, TrendStore trends) {
        this.layout = layout;
        this.trends = trends;
        layout.enrolment().forEach((bed, pseudonym) -> beds.put(bed, new BedBoard(bed, pseudonym, layout, trends)));
    }

    /** Writes the chart values of the minutes that ended to the trend store, when its write is due. */
    void flushTrendsIfDue(long nowNanos) {
        trends.flushIfDue(nowNanos);
    }

    void closeTrends() {
        for (BedBoard b : beds.values()) {
            b.stageTrends();
        }
        trends.close();
    }

    public void onReport(DeviceReport report) {
        if (report.bed() == null) {
            return;
        }
        board(report.bed()).onReport(report);
        newestEventMs = Math.max(newestEventMs, report.timeMs());
    }

    public void onEntry(ClinicianEntry entry) {
        board(entry.bed()).onEntry(entry);
    }

    public void onTick(long timeMs) {
        nowMs = Math.max(nowMs, timeMs);
    }

    /** @return true when the notice changed what the nurse station shows (a new alert or alert state) */
    public boolean onNotice(AgentNotice notice) {
        if (notice instanceof InfusionNotice n) {
            board(n.bed()).onInfusion(n);
            return true;
        }
        if (notice instanceof Alert a) {
            if (a.state() != AlertState.RAISED || alerts.containsKey(a.alertId())) {
                return false;
            }
            alerts.put(a.alertId(), new TrackedAlert(a));
            board(a.bed());
            return true;
        }
        AlertChange c = (AlertChange) notice;
        TrackedAlert tracked = alerts.get(c.alertId());
        return tracked != null && tracked.apply(c);
    }

    /** The agent clock as the view knows it: the latest tick, else the newest device time. */
    public long nowMs() {
        if (nowMs != Long.MIN_VALUE) {
            return nowMs;
        }
        return newestEventMs != Long.MIN_VALUE ? newestEventMs : 0;
    }

    public Optional<WardSnapshot.AlertItem> alert(String alertId) {
        TrackedAlert a = alerts.get(alertId);
        return a == null ? Optional.empty() : Optional.of(a.snapshot(nowMs()));
    }

    /** Whether the bed is one the ward knows (enrolled, or seen in input). */
    public boolean knows(BedRef bed) {
        return beds.containsKey(bed);
    }

    public WardSnapshot snapshot() {
        long now = nowMs();
        Map<BedRef, int[]> open = new LinkedHashMap<>();
        Map<BedRef, String> highest = new LinkedHashMap<>();
        List<TrackedAlert> shown = new ArrayList<>();
        for (TrackedAlert a : alerts.values()) {
            if (a.resolved) {
                continue;
            }
            if (!a.acknowledged()) {
                open.computeIfAbsent(a.alert.bed(), k -> new int[1])[0]++;
                highest.merge(a.alert.bed(), a.alert.priority().name(),
                        (x, y) -> Priority.valueOf(x).ordinal() <= Priority.valueOf(y).ordinal() ? x : y);
                shown.add(a);
            } else if (now - a.alert.raisedMs() < layout.longWindowMs()) {
                shown.add(a);
            }
        }
        shown.sort(URGENCY);
        List<WardSnapshot.AlertItem> items = new ArrayList<>();
        for (int i = 0; i < shown.size() && i < MAX_ALERTS_SHOWN; i++) {
            items.add(shown.get(i).snapshot(now));
        }
        List<BedRef> order = new ArrayList<>(beds.keySet());
        order.sort(BED_ORDER);
        List<WardSnapshot.Bed> bedList = new ArrayList<>(order.size());
        for (BedRef ref : order) {
            bedList.add(beds.get(ref).snapshot(now, open.getOrDefault(ref, new int[1])[0], highest.get(ref)));
        }
        return new WardSnapshot(now, layout.protocol(), layout.windowMs(), layout.longWindowMs(), bedList, items,
                alertManagerLink.get());
    }

    /** Where the state of the link to the alert manager comes from, read at every snapshot. */
    void watchAlertManager(Supplier<WardSnapshot.AlertManagerLink> link) {
        alertManagerLink = link;
    }

    /** The bed's values from {@code fromMs} to {@code toMs}, every signal that has some. */
    public Timeline timeline(BedRef bed, long fromMs, long toMs) {
        List<Timeline.Series> series = new ArrayList<>();
        BedBoard b = beds.get(bed);
        if (b != null) {
            for (String key : b.seriesKeys()) {
                Timeline.Series s = b.series(key, fromMs, toMs);
                if (s != null) {
                    series.add(s);
                }
            }
        }
        series.sort(Comparator.comparingInt(WardState::chartOrder));
        return new Timeline(bed.key(), fromMs, toMs, series);
    }

    private static int chartOrder(Timeline.Series s) {
        for (KeySignal k : KeySignal.values()) {
            if (k.name().equals(s.signal())) {
                return k.ordinal();
            }
        }
        return KeySignal.values().length;
    }

    private BedBoard board(BedRef bed) {
        return beds.computeIfAbsent(bed, b -> new BedBoard(b, layout.enrolment().getOrDefault(b, Enrolment.UNENROLLED),
                layout, trends));
    }
}
