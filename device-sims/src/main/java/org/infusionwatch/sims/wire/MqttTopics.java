package org.infusionwatch.sims.wire;

/**
 * The MQTT topics of {@code docs/wire-formats.md}.
 */
public final class MqttTopics {

    private MqttTopics() {
    }

    /** {@code icu/{unit}/{bed}/{device}/obs} */
    public static String observations(String unit, String bed, String deviceId) {
        return "icu/" + level(unit) + "/" + level(bed) + "/" + level(deviceId) + "/obs";
    }

    /** {@code icu/{unit}/{bed}/entries} */
    public static String entries(String unit, String bed) {
        return "icu/" + level(unit) + "/" + level(bed) + "/entries";
    }

    private static String level(String name) {
        if (name.isEmpty() || name.indexOf('/') >= 0 || name.indexOf('+') >= 0 || name.indexOf('#') >= 0) {
            throw new IllegalArgumentException("not usable as an MQTT topic level: '" + name + "'");
        }
        return name;
    }
}
