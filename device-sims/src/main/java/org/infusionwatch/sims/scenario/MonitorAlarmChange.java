package org.infusionwatch.sims.scenario;

import java.util.Objects;

import org.infusionwatch.sims.model.monitor.MonitorAlarm;

/**
 * The monitor raises or ends an alarm (IHE PCD-04 phase start or end).
 *
 * @param alarm the alarm
 * @param start true = raised, false = ended
 */
public record MonitorAlarmChange(MonitorAlarm alarm, boolean start) implements ScenarioAction {

    public MonitorAlarmChange {
        Objects.requireNonNull(alarm, "alarm");
    }

    public static MonitorAlarmChange raise(MonitorAlarm alarm) {
        return new MonitorAlarmChange(alarm, true);
    }

    public static MonitorAlarmChange end(MonitorAlarm alarm) {
        return new MonitorAlarmChange(alarm, false);
    }

    @Override
    public String apply(BedDevices bed, long nowMs) {
        if (start) {
            bed.monitor().raise(alarm, nowMs);
        } else {
            bed.monitor().end(alarm, nowMs);
        }
        return "monitor alarm " + alarm.text() + (start ? " start" : " end");
    }
}
