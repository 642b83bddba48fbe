package org.infusionwatch.gateway.replay;

import java.util.ArrayList;
import java.util.List;
import org.infusionwatch.agent.alerts.AgentCore;
import org.infusionwatch.agent.model.AgentNotice;
import org.infusionwatch.agent.pipeline.NoticeOutput;
import org.infusionwatch.agent.ports.InputObserver;

/**
 * Feeds recorded inputs straight into the engine, on the calling thread, and their notices to the
 * output (event log, then sinks). Used by {@code replay} and by start-up recovery, before the ring
 * takes over the engine.
 */
public final class EngineDriver {
    private final AgentCore engine;
    private final NoticeOutput output;
    private InputObserver observer = InputObserver.NONE;
    private final List<AgentNotice> notices = new ArrayList<>();
    private long applied;
    private long skipped;

    public EngineDriver(AgentCore engine, NoticeOutput output) {
        this.engine = engine;
        this.output = output;
    }

    /** Also shows every input to {@code v} (the views), as the live ring does. */
    public EngineDriver observer(InputObserver v) {
        observer = v;
        return this;
    }

    public void apply(RecordedInput input) {
        notices.clear();
        show(input);
        if (input instanceof RecordedInput.Report r) {
            engine.onReport(r.report(), notices);
        } else if (input instanceof RecordedInput.Entry e) {
            engine.onEntry(e.entry(), notices);
        } else if (input instanceof RecordedInput.Action a) {
            engine.onAlertAction(a.action(), notices);
        } else if (input instanceof RecordedInput.Tick t) {
            engine.onTick(t.timeMs(), notices);
        } else {
            skipped++;
            return;
        }
        applied++;
        long now = System.nanoTime();
        for (int i = 0; i < notices.size(); i++) {
            output.emit(notices.get(i), now);
        }
    }

    private void show(RecordedInput input) {
        if (input instanceof RecordedInput.Report r) {
            observer.onReport(r.report());
        } else if (input instanceof RecordedInput.Entry e) {
            observer.onEntry(e.entry());
        } else if (input instanceof RecordedInput.Tick t) {
            observer.onTick(t.timeMs());
        }
    }

    public long applied() {
        return applied;
    }

    public long skipped() {
        return skipped;
    }
}
