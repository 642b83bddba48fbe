package org.infusionwatch.sims.model.monitor;

/**
 * The patient's underlying vital signs, around which the monitor's readings vary.
 *
 * @param spo2Percent          oxygen saturation, %
 * @param heartRatePerMin      ECG heart rate, beats/min
 * @param meanArterialMmHg     arterial mean pressure (MAP), mmHg
 */
public record Vitals(double spo2Percent, double heartRatePerMin, double meanArterialMmHg) {

    public Vitals {
        if (spo2Percent < 0 || spo2Percent > 100) {
            throw new IllegalArgumentException("spo2Percent: " + spo2Percent + " (expected: 0..100)");
        }
        if (heartRatePerMin < 0 || meanArterialMmHg < 0) {
            throw new IllegalArgumentException("negative vital sign: " + heartRatePerMin + ", " + meanArterialMmHg);
        }
    }

    public Vitals withSpo2(double value) {
        return new Vitals(value, heartRatePerMin, meanArterialMmHg);
    }

    public Vitals withHeartRate(double value) {
        return new Vitals(spo2Percent, value, meanArterialMmHg);
    }

    public Vitals withMeanArterial(double value) {
        return new Vitals(spo2Percent, heartRatePerMin, value);
    }
}
