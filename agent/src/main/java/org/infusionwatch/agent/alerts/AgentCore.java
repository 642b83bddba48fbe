package org.infusionwatch.agent.alerts;

import java.util.List;
import org.infusionwatch.agent.engine.RuleEngine;
import org.infusionwatch.agent.model.AgentNotice;
import org.infusionwatch.agent.model.AlertAction;
import org.infusionwatch.agent.model.ClinicianEntry;
import org.infusionwatch.agent.model.DeviceReport;

/**
 * Everything the engine thread owns: the rules and the alerts' life cycle, fed the same inputs in
 * the same order live, after a restart and in a replay. Not thread-safe.
 */
public final class AgentCore {
    private final RuleEngine rules;
    private final AlertBook alerts;

    public AgentCore(RuleEngine rules, AlertBook alerts) {
        this.rules = rules;
        this.alerts = alerts;
    }

    public void onReport(DeviceReport report, List<AgentNotice> out) {
        int from = out.size();
        rules.onReport(report, out);
        track(out, from);
    }

    public void onEntry(ClinicianEntry entry, List<AgentNotice> out) {
        int from = out.size();
        rules.onEntry(entry, out);
        track(out, from);
    }

    public void onTick(long nowMs, List<AgentNotice> out) {
        int from = out.size();
        rules.onTick(nowMs, out);
        track(out, from);
        alerts.onTime(nowMs, out);
    }

    public void onAlertAction(AlertAction action, List<AgentNotice> out) {
        alerts.onAction(action, out);
    }

    private void track(List<AgentNotice> out, int from) {
        if (out.size() > from) {
            alerts.track(out.subList(from, out.size()));
        }
    }
}
