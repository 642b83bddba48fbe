package org.infusionwatch.gateway.hl7;

import ca.uhn.hl7v2.ErrorCode;
import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.Group;
import ca.uhn.hl7v2.model.Segment;
import ca.uhn.hl7v2.model.Structure;
import java.util.ArrayList;
import java.util.List;
import org.infusionwatch.agent.model.BedRef;
import org.infusionwatch.agent.model.DeviceReport;
import org.infusionwatch.agent.model.Observation;
import org.infusionwatch.agent.model.PumpEvent;
import org.infusionwatch.agent.model.ReportKind;

/**
 * Turns a parsed IHE PCD message into a {@link DeviceReport} by walking its segments in message
 * order (MSH, PV1, OBR, OBX...; several OBR groups allowed). PID is never read. One instance per
 * message: it carries the walk's state (current OBR, last device id) and is not thread-safe.
 */
final class PcdReportReader {

    private final String messageId;
    private final ReportKind kind;
    private final List<Observation> observations = new ArrayList<>();
    private BedRef bed;
    private String fallbackDevice = "";
    private String firstObxDevice = "";
    private String lastObxDevice = "";
    private Long mshTimeMs;
    private Long firstObrTimeMs;
    private Long obrTimeMs;
    private String obr4Text;
    private int obrCount;
    private int obxCount;
    private PumpEventReader.Condition condition;

    private PcdReportReader(String messageId, ReportKind kind) {
        this.messageId = messageId;
        this.kind = kind;
    }

    /**
     * @throws Hl7Refusal AE when a value cannot be used (NM not a number, bad or missing time,
     *                    pump event without its condition)
     */
    static DeviceReport read(List<Segment> segments, String messageId, ReportKind kind) throws Hl7Refusal {
        PcdReportReader reader = new PcdReportReader(messageId, kind);
        for (Segment segment : segments) {
            reader.accept(segment);
        }
        return reader.report();
    }

    private void accept(Segment segment) throws Hl7Refusal {
        switch (segment.getName()) {
            case "MSH" -> readMsh(segment);
            case "PV1" -> readPv1(segment);
            case "OBR" -> readObr(segment);
            case "OBX" -> readObx(segment);
            default -> {
                // PID, NTE, ORC and others carry nothing the engine uses.
            }
        }
    }

    private void readMsh(Segment msh) throws Hl7Refusal {
        fallbackDevice = firstNonEmpty(Hl7Fields.get(msh, 3, 1), Hl7Fields.get(msh, 3, 2), Hl7Fields.get(msh, 4, 1));
        mshTimeMs = Hl7Time.field(msh, 7, "MSH^1^7");
    }

    private void readPv1(Segment pv1) {
        if (bed != null) {
            return;
        }
        String unit = Hl7Fields.get(pv1, 3, 1);
        String bedId = Hl7Fields.get(pv1, 3, 3);
        // A bed without its unit (or the reverse) cannot be told apart from another unit's bed.
        bed = unit.isEmpty() || bedId.isEmpty() ? null : new BedRef(unit, bedId);
    }

    private void readObr(Segment obr) throws Hl7Refusal {
        obrCount++;
        obrTimeMs = Hl7Time.field(obr, 7, "OBR^" + Hl7Fields.sequence(obr, obrCount) + "^7");
        if (firstObrTimeMs == null) {
            firstObrTimeMs = obrTimeMs;
        }
        if (obr4Text == null) {
            obr4Text = firstNonEmpty(Hl7Fields.get(obr, 4, 2), Hl7Fields.get(obr, 4, 1));
        }
    }

    private void readObx(Segment obx) throws Hl7Refusal {
        obxCount++;
        String device = Hl7Fields.get(obx, 18, 1);
        if (!device.isEmpty()) {
            lastObxDevice = device;
            firstObxDevice = firstNonEmpty(firstObxDevice, device);
        }
        if (!ObxReader.hasValue(obx)) {
            return;
        }
        String sequence = Hl7Fields.sequence(obx, obxCount);
        Long obxTimeMs = Hl7Time.field(obx, 14, "OBX^" + sequence + "^14");
        long timeMs = firstPresent(obxTimeMs, "OBX^" + sequence + "^14");
        Observation observation = ObxReader.read(obx, "OBX^" + sequence + "^5", timeMs,
                firstNonEmpty(lastObxDevice, fallbackDevice));
        observations.add(observation);
        ObxReader.Code code = ObxReader.code(obx);
        if (condition == null && PumpEventReader.isEventCondition(code)) {
            condition = new PumpEventReader.Condition(
                    ObxReader.number(Hl7Fields.get(obx, 5, 1)), Hl7Fields.get(obx, 5, 2), timeMs);
        }
    }

    private DeviceReport report() throws Hl7Refusal {
        Long reportTimeMs = firstObrTimeMs != null ? firstObrTimeMs : mshTimeMs;
        if (reportTimeMs == null) {
            throw Hl7Refusal.error(ErrorCode.REQUIRED_FIELD_MISSING, "no message time (OBR-7 and MSH-7 empty)",
                    "MSH^1^7");
        }
        PumpEvent event = kind == ReportKind.PUMP_EVENT
                ? PumpEventReader.read(condition, observations, obr4Text == null ? "" : obr4Text)
                : null;
        return new DeviceReport(messageId, kind, bed, firstNonEmpty(firstObxDevice, fallbackDevice),
                reportTimeMs, observations, event);
    }

    /** OBX-14, else the current OBR-7, else MSH-7. */
    private long firstPresent(Long obxTimeMs, String location) throws Hl7Refusal {
        Long time = obxTimeMs != null ? obxTimeMs : obrTimeMs != null ? obrTimeMs : mshTimeMs;
        if (time == null) {
            throw Hl7Refusal.error(ErrorCode.REQUIRED_FIELD_MISSING,
                    "no observation time (OBX-14, OBR-7 and MSH-7 empty)", location);
        }
        return time;
    }

    private static String firstNonEmpty(String... values) {
        for (String value : values) {
            if (value != null && !value.isEmpty()) {
                return value;
            }
        }
        return "";
    }

    /** All segments in message order, through groups (typed ORU_R01) or flat (generic messages). */
    static List<Segment> segments(Group group) {
        List<Segment> out = new ArrayList<>();
        collect(group, out);
        return out;
    }

    private static void collect(Group group, List<Segment> out) {
        for (String name : group.getNames()) {
            Structure[] reps;
            try {
                reps = group.getAll(name);
            } catch (HL7Exception e) {
                continue;
            }
            for (Structure structure : reps) {
                if (structure instanceof Segment segment) {
                    out.add(segment);
                } else if (structure instanceof Group child) {
                    collect(child, out);
                }
            }
        }
    }
}
