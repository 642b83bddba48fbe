package org.infusionwatch.sims.alertmanager;

/**
 * One IHE PCD-04 message as an alert manager reads it: what a pager or a ward phone would show.
 *
 * @param controlId MSH-10
 * @param alertId   OBR-3 component 1, the same in every message of one alert's life
 * @param unit      PV1-3 component 1
 * @param bed       PV1-3 component 3
 * @param event     what the first alert OBX reports: for a coded value ({@code CWE}, as the IHE
 *                  examples and InfusionWatch send it) the value's code, else the OBX-3 alternate
 *                  code when it has one, else the OBX-3 code
 * @param text      the first alert OBX's words: a coded value's original text (CWE-9), or else
 *                  its name (CWE-2); a plain value as it is (HL7 escapes kept)
 * @param phase     the value of {@code MDC_ATTR_EVENT_PHASE} (68481): start, update, end
 * @param inactivation the value of {@code MDC_ATTR_ALARM_INACTIVATION_STATE} (68483)
 * @param priority  the value of {@code MDC_ATTR_ALARM_PRIORITY} (68484): PH, PM, PL
 * @param message   the whole message, segments ended by {@code \r}
 */
public record ReceivedAlert(String controlId, String alertId, String unit, String bed, String event, String text,
                            String phase, String inactivation, String priority, String message) {

    /** Reads a PCD-04 message by its fields; absent fields are empty strings. */
    static ReceivedAlert read(String message) {
        String controlId = "";
        String alertId = "";
        String unit = "";
        String bed = "";
        String event = "";
        String text = "";
        String phase = "";
        String inactivation = "";
        String priority = "";
        for (String segment : message.split("[\r\n]+")) {
            String[] f = segment.split("\\|", -1);
            switch (f[0]) {
                case "MSH" -> controlId = at(f, 9);
                case "PV1" -> {
                    unit = component(at(f, 3), 0);
                    bed = component(at(f, 3), 2);
                }
                case "OBR" -> alertId = component(at(f, 3), 0);
                case "OBX" -> {
                    String code = component(at(f, 3), 0);
                    String value = at(f, 5);
                    switch (code) {
                        case "68481" -> phase = value;
                        case "68483" -> inactivation = value;
                        case "68484" -> priority = value;
                        default -> {
                            if (event.isEmpty() && !code.startsWith("6848") && !at(f, 11).equals("X")) {
                                if (at(f, 2).equals("CWE")) {
                                    event = component(value, 0);
                                    text = component(value, 8).isEmpty() ? component(value, 1) : component(value, 8);
                                } else {
                                    String alternate = component(at(f, 3), 3);
                                    event = alternate.isEmpty() ? code : alternate;
                                    text = value;
                                }
                            }
                        }
                    }
                }
                default -> { }
            }
        }
        return new ReceivedAlert(controlId, alertId, unit, bed, event, text, phase, inactivation, priority, message);
    }

    private static String at(String[] fields, int i) {
        return i < fields.length ? fields[i] : "";
    }

    private static String component(String field, int i) {
        String[] c = field.split("\\^", -1);
        return i < c.length ? c[i] : "";
    }
}
