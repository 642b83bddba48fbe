package org.infusionwatch.gateway.mqtt;

import org.infusionwatch.agent.model.BedRef;

/**
 * The MQTT topic tree: {@code icu/{unit}/{bed}/{device}/obs} for device observations,
 * {@code icu/{unit}/{bed}/entries} for clinician entries, {@code icu/{unit}/{bed}/alerts} and
 * {@code icu/{unit}/{bed}/infusions} for what the gateway publishes.
 */
public final class Topics {
    public static final String OBSERVATIONS_FILTER = "icu/+/+/+/obs";
    public static final String ENTRIES_FILTER = "icu/+/+/entries";
    public static final String ALERT_ACTIONS_FILTER = "icu/+/+/alert-actions";

    private Topics() {
    }

    public static String alerts(BedRef bed) {
        return "icu/" + bed.unit() + "/" + bed.bed() + "/alerts";
    }

    public static String infusions(BedRef bed) {
        return "icu/" + bed.unit() + "/" + bed.bed() + "/infusions";
    }

    /** The gateway's own figures, once a second: {@code infusionwatch/{application}/metrics}. */
    public static String metrics(String applicationName) {
        return "infusionwatch/" + applicationName + "/metrics";
    }

    /** Topic levels of an inbound topic, checked against the expected shape. */
    static String[] levels(String topic, int expected, String last) throws PayloadException {
        String[] parts = topic.split("/", -1);
        if (parts.length != expected || !parts[0].equals("icu") || !parts[expected - 1].equals(last)) {
            throw new PayloadException("topic does not match icu/{unit}/{bed}/" + (expected == 5 ? "{device}/" : "") + last);
        }
        for (String p : parts) {
            if (p.isEmpty()) {
                throw new PayloadException("topic has an empty level");
            }
        }
        return parts;
    }
}
