package org.infusionwatch.agent.eventlog;

import org.infusionwatch.agent.model.AgentNotice;
import org.infusionwatch.agent.model.Alert;
import org.infusionwatch.agent.model.AlertChange;
import org.infusionwatch.agent.model.InfusionNotice;

/** The columns of one event-log row that the hash chain covers. */
record EventRow(
        String kind,
        String alertId,
        String unit,
        String bed,
        String patient,
        String infusionId,
        String code,
        String state,
        long eventMs,
        long onsetMs,
        String payload) {

    static EventRow of(AgentNotice notice, String payload) {
        if (notice instanceof Alert a) {
            return new EventRow("ALERT", a.alertId(), a.bed().unit(), a.bed().bed(), a.patient(), a.infusionId(),
                    a.event().name(), a.state().name(), a.raisedMs(), a.onsetMs(), payload);
        }
        if (notice instanceof AlertChange c) {
            return new EventRow("ALERT", c.alertId(), c.bed().unit(), c.bed().bed(), c.patient(), c.infusionId(),
                    c.event().name(), c.state().name(), c.timeMs(), c.onsetMs(), payload);
        }
        InfusionNotice n = (InfusionNotice) notice;
        return new EventRow("INFUSION", "", n.bed().unit(), n.bed().bed(), n.patient(), n.infusionId(),
                "INFUSION_" + n.kind().name(), n.kind().name(), n.timeMs(), n.onsetMs(), payload);
    }
}
