package org.infusionwatch.sims.model.monitor;

import java.util.List;
import java.util.Optional;

import org.infusionwatch.sims.model.DeviceKind;
import org.infusionwatch.sims.model.DeviceSample;
import org.infusionwatch.sims.model.Mdc;
import org.infusionwatch.sims.model.ObsValue;
import org.infusionwatch.sims.model.Observation;

/**
 * Monitor alarm reports (IHE PCD-04 ACM) as device samples, shaped like the IHE TF and B. Braun
 * samples in shared/hl7-samples: {@code MDC_EVT_ALARM} with the event code as a coded value,
 * then the alert source, event phase (start/end), alarm state (active/inactive), inactivation
 * state, priority, alert type and the text the monitor shows. Stateless.
 */
public final class AlarmSamples {

    private AlarmSamples() {
    }

    static DeviceSample sample(String deviceId, DeviceKind kind, long sequence, long timeMs, MonitorAlarm alarm,
                               boolean start) {
        List<Observation> obs = List.of(
                Observation.attribute(Mdc.EVT_ALARM, "1.1.1.0.1",
                        new ObsValue.Coded(Integer.toString(alarm.event().code()), alarm.event().refId()), null),
                Observation.attribute(Mdc.ATTR_ALERT_SOURCE, "1.1.1.0.2",
                        new ObsValue.Coded(Integer.toString(alarm.source().code()), alarm.source().refId()), null),
                Observation.attribute(Mdc.ATTR_EVENT_PHASE, "1.1.1.0.3", new ObsValue.Text(start ? "start" : "end"), null),
                Observation.attribute(Mdc.ATTR_ALARM_STATE, "1.1.1.0.4",
                        new ObsValue.Text(start ? "active" : "inactive"), null),
                Observation.attribute(Mdc.ATTR_ALARM_INACTIVATION_STATE, "1.1.1.0.5",
                        new ObsValue.Text(start ? "enabled" : "alarm-off"), null),
                Observation.attribute(Mdc.ATTR_ALARM_PRIORITY, "1.1.1.0.6", new ObsValue.Text(alarm.priority()), null),
                Observation.attribute(Mdc.ATTR_ALERT_TYPE, "1.1.1.0.7", new ObsValue.Text(alarm.type()), null),
                Observation.attribute(Mdc.ATTR_ALERT_TEXT, "1.1.1.0.8", new ObsValue.Text(alarm.text()), null));
        return new DeviceSample(deviceId, kind, sequence, timeMs, obs, Optional.empty());
    }

    /** True when the sample is an alarm report (to be written as PCD-04, not PCD-01). */
    public static boolean isAlarm(DeviceSample sample) {
        return !sample.observations().isEmpty() && sample.observations().get(0).term().equals(Mdc.EVT_ALARM);
    }
}
