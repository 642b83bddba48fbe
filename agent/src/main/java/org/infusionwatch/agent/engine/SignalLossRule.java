package org.infusionwatch.agent.engine;

import org.infusionwatch.agent.model.EventCode;
import org.infusionwatch.agent.protocol.ProtocolProfile;

/**
 * SIGNAL_LOSS (technical, never a protocol event): a monitor or ventilator of the bed that
 * reports regularly (faster than the limit, see {@link DeviceWatch}) and reported during the
 * baseline window or since has been silent for longer than the profile's
 * limit (60 s), the silence reaching the limit inside the window. Onset = the device's last
 * report, when the silence began. A device gone quiet long before (moved to another bed) is not
 * counted. Owned by the engine thread.
 */
final class SignalLossRule implements Rule {
    private final ProtocolProfile profile;
    private long quietUntilMs;

    SignalLossRule(ProtocolProfile profile) {
        this.profile = profile;
    }

    @Override
    public EventCode event() {
        return EventCode.SIGNAL_LOSS;
    }

    @Override
    public long inputsVersion(BedState bed) {
        return bed.devices.changes();
    }

    @Override
    public long quietUntilMs() {
        return quietUntilMs;
    }

    @Override
    public boolean followsBedSummary() {
        return false;
    }

    @Override
    public Finding evaluate(BedState bed, Infusion infusion) {
        long t0 = infusion.onsetMs;
        long limit = profile.signalLossMs();
        DeviceWatch devices = bed.devices;
        int silent = -1;
        quietUntilMs = UNTIL_INPUTS_CHANGE;
        for (int i = 0; i < devices.size(); i++) {
            long last = devices.lastSeenMs(i);
            if (!devices.isWatched(i) || last < t0 - profile.baselineMs() || last + limit > t0 + profile.windowMs()) {
                continue;
            }
            if (bed.nowMs - last <= limit) {
                // Silent too long from this bed time on, unless the device reports first.
                quietUntilMs = Math.min(quietUntilMs, last + limit + 1);
            } else if (silent < 0 || last < devices.lastSeenMs(silent)) {
                silent = i;
            }
        }
        if (silent < 0) {
            return null;
        }
        long last = devices.lastSeenMs(silent);
        long seconds = (bed.nowMs - last) / 1000;
        Evidence e = new Evidence()
                .summary("No data from " + devices.id(silent) + " for " + seconds + " s (limit "
                        + limit / 1000 + " s); events cannot be detected from it meanwhile.")
                .put("device", devices.id(silent))
                .put("lastReport", java.time.Instant.ofEpochMilli(last).toString())
                .put("silentSeconds", seconds)
                .put("minutesAfterOnset", Evidence.minutes(last - t0));
        return new Finding(EventCode.SIGNAL_LOSS, last, e.map());
    }
}
