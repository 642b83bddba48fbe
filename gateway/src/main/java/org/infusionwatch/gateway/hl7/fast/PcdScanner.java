package org.infusionwatch.gateway.hl7.fast;

import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.infusionwatch.agent.model.BedRef;
import org.infusionwatch.agent.model.DeviceReport;
import org.infusionwatch.agent.model.Observation;
import org.infusionwatch.agent.model.PumpEvent;
import org.infusionwatch.agent.model.ReportKind;
import org.infusionwatch.gateway.BedRefCache;
import org.infusionwatch.gateway.hl7.AckHeader;
import org.infusionwatch.gateway.hl7.PumpEventReader;

/**
 * The byte-level reading of an IHE PCD message ({@code ORU^R01}, {@code ORU^R40}, {@code ORU^R42})
 * into the {@link DeviceReport} the HAPI path ({@code PcdReportReader}) builds from the same
 * bytes: segments in message order; bed from the first PV1-3 naming unit and bed; device from
 * OBX-18, else the preceding OBX-18, else MSH-3; time from OBX-14, else OBR-7, else MSH-7.
 *
 * <p>HAPI reads the segments through the ORU_R01 structure, and for the report to be the same the
 * scanner must visit them in the order HAPI's groups hold them. It therefore only reads segment
 * sequences that walk the structure forward (MSH [SFT] [PID [PD1] [NTE] [NK1]] [PV1 [PV2]]
 * {[ORC] OBR [NTE] {OBX [NTE]}}, the optional parts in any number of patient and order groups);
 * anything else, and any segment it does not know, goes to HAPI.
 *
 * <p>One per decoder; not thread-safe.
 */
final class PcdScanner {

    /** OBR-4 component 1 of a charting system's clinician entry (docs/wire-formats.md). */
    private static final String CLINICIAN_ENTRY_SERVICE = "IW_ENTRY";

    private static final int MSH = SegmentCursor.name("MSH");
    private static final int SFT = SegmentCursor.name("SFT");
    private static final int PID = SegmentCursor.name("PID");
    private static final int PD1 = SegmentCursor.name("PD1");
    private static final int NTE = SegmentCursor.name("NTE");
    private static final int NK1 = SegmentCursor.name("NK1");
    private static final int PV1 = SegmentCursor.name("PV1");
    private static final int PV2 = SegmentCursor.name("PV2");
    private static final int ORC = SegmentCursor.name("ORC");
    private static final int OBR = SegmentCursor.name("OBR");
    private static final int OBX = SegmentCursor.name("OBX");

    // Where the walk stands in the ORU_R01 structure: the last segment placed.
    private static final int AT_MSH = 0;
    private static final int AT_SFT = 1;
    private static final int AT_PID = 2;
    private static final int AT_PD1 = 3;
    private static final int AT_PATIENT_NTE = 4;
    private static final int AT_NK1 = 5;
    private static final int AT_PV1 = 6;
    private static final int AT_PV2 = 7;
    private static final int AT_ORC = 8;
    private static final int AT_OBR = 9;
    private static final int AT_ORDER_NTE = 10;
    private static final int AT_OBX = 11;
    private static final int AT_OBSERVATION_NTE = 12;

    private final SegmentCursor cursor = new SegmentCursor();
    private final ValueReader values = new ValueReader();
    private final StringCache strings = new StringCache();
    private final DtmParser times = new DtmParser();
    private final MshReader msh = new MshReader();
    private final ObxScanner obx = new ObxScanner(values, strings, times);
    private final FieldView view = new FieldView();
    private final Slice a = new Slice();
    private final Slice b = new Slice();
    private final List<Observation> observations = new ArrayList<>();

    /** The delimiters of the last message that had valid ones: devices do not change them. */
    private final byte[] lastDelimiters = new byte[5];
    private String controlId;
    private Charset charset;
    private BedRef bed;
    /** One reference per bed, so that the engine meets a bed it knows (see {@link BedRefCache}). */
    private final BedRefCache beds = new BedRefCache(BedRefCache.PER_CONNECTION);
    private long mshTimeMs;
    private long obrTimeMs;
    private long firstObrTimeMs;
    private String obr4Text;
    private String firstObxDevice;
    private String lastObxDevice;
    private PumpEventReader.Condition condition;
    private int obxOrdinal;

    /**
     * @return the report of the message, as the HAPI path would build it
     * @throws Fallback when the message must be read (or refused) by HAPI
     */
    DeviceReport scan(byte[] message) {
        readHeader(message);
        int at = AT_MSH;
        while (cursor.next()) {
            at = visit(message, cursor.name(), at);
        }
        return report();
    }

    /** MSH-10 of the last message scanned. */
    String controlId() {
        return controlId;
    }

    String messageType() {
        return msh.messageType();
    }

    AckHeader header() {
        return msh.header();
    }

    /** The ACK template of the last message's header, kept with the header. */
    FastAckWriter.Template ackTemplate(FastAckWriter writer) {
        return msh.ackTemplate(writer);
    }

    long headersRead() {
        return msh.headersRead();
    }

    private void readHeader(byte[] message) {
        if (message.length < 9 || message[0] != 'M' || message[1] != 'S' || message[2] != 'H'
                || message[8] != message[3]) {
            throw Fallback.of(Fallback.Reason.ENCODING);
        }
        if (!Arrays.equals(message, 3, 8, lastDelimiters, 0, 5)) {
            if (!delimiters(message)) {
                throw Fallback.of(Fallback.Reason.ENCODING);
            }
            System.arraycopy(message, 3, lastDelimiters, 0, 5);
        }
        values.delimiters(message[3], message[4], message[5], message[6], message[7]);
        values.startMessage();
        cursor.reset(message, message.length);
        boolean known = msh.readKnown(message);
        if (known) {
            cursor.skipTo(msh.segmentEnd());
        } else {
            cursor.next();
            msh.read(message, cursor, values);
        }
        controlId = msh.controlId(message);
        charset = msh.charset();
        bed = null;
        obrTimeMs = DtmParser.NONE;
        firstObrTimeMs = DtmParser.NONE;
        obr4Text = null;
        firstObxDevice = "";
        lastObxDevice = "";
        condition = null;
        obxOrdinal = 0;
        observations.clear();
        // MSH-7 is piece 6: in MSH the field separator itself is MSH-1.
        mshTimeMs = times.parse(known ? msh.time(message, a) : component(message, 6, 1, a));
    }

    /** MSH-1 and MSH-2: five distinct printable delimiters, none a letter or digit. */
    private static boolean delimiters(byte[] message) {
        for (int i = 3; i < 8; i++) {
            byte d = message[i];
            if (d <= ' ' || d >= 0x7F || Character.isLetterOrDigit(d)) {
                return false;
            }
            for (int j = 3; j < i; j++) {
                if (message[j] == d) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Places one segment in the structure walk and reads it; the new walk position. */
    private int visit(byte[] message, int name, int at) {
        if (name == OBX) {
            readObx(message);
            return AT_OBX;
        }
        if (name == OBR) {
            readObr(message);
            return AT_OBR;
        }
        if (name == PV1 && at != AT_PV1 && at != AT_PV2) {
            readPv1(message);
            return AT_PV1;
        }
        if (name == NTE) {
            return noteAfter(at);
        }
        if (name == PID && (at <= AT_SFT || at >= AT_ORC)) {
            return AT_PID;
        }
        if (name == PD1 && at == AT_PID) {
            return AT_PD1;
        }
        if (name == NK1 && at >= AT_PID && at <= AT_NK1) {
            return AT_NK1;
        }
        if (name == PV2 && at == AT_PV1) {
            return AT_PV2;
        }
        if (name == ORC && at != AT_ORC) {
            return AT_ORC;
        }
        if (name == SFT && at <= AT_SFT) {
            return AT_SFT;
        }
        // A second MSH, another segment, or one out of the order above.
        throw Fallback.of(Fallback.Reason.SEGMENT);
    }

    private static int noteAfter(int at) {
        if (at >= AT_PID && at <= AT_PATIENT_NTE) {
            return AT_PATIENT_NTE;
        }
        if (at == AT_OBR || at == AT_ORDER_NTE) {
            return AT_ORDER_NTE;
        }
        if (at == AT_OBX || at == AT_OBSERVATION_NTE) {
            return AT_OBSERVATION_NTE;
        }
        throw Fallback.of(Fallback.Reason.SEGMENT);
    }

    /** The first PV1-3 with both unit (component 1) and bed (component 3) places the report. */
    private void readPv1(byte[] message) {
        if (bed != null) {
            return;
        }
        cursor.field(3, view);
        String unit = strings.get(values.component(view, 1, a), charset);
        String bedId = strings.get(values.component(view, 3, b), charset);
        if (unit.isEmpty() || bedId.isEmpty()) {
            return;
        }
        bed = beds.get(unit, bedId);
    }

    private void readObr(byte[] message) {
        obrTimeMs = times.parse(component(message, 7, 1, a));
        if (firstObrTimeMs == DtmParser.NONE) {
            firstObrTimeMs = obrTimeMs;
        }
        cursor.field(4, view);
        // Any OBR, not only the first: HAPI decides on the first one, and a message it reads
        // either way is never wrong to hand over.
        if (values.component(view, 1, a).equalsAscii(CLINICIAN_ENTRY_SERVICE)) {
            throw Fallback.of(Fallback.Reason.CLINICIAN_ENTRY);
        }
        if (obr4Text == null) {
            Slice text = values.component(view, 2, a);
            obr4Text = strings.get(text.isEmpty() ? values.component(view, 1, b) : text, charset);
        }
    }

    private void readObx(byte[] message) {
        String device = obx.device(message, cursor, charset, msh.obxMemo(obxOrdinal, 0), msh.obxMemo(obxOrdinal, 1));
        obxOrdinal++;
        if (!device.isEmpty()) {
            lastObxDevice = device;
            if (firstObxDevice.isEmpty()) {
                firstObxDevice = device;
            }
        }
        long defaultTimeMs = obrTimeMs != DtmParser.NONE ? obrTimeMs : mshTimeMs;
        Observation observation = obx.read(message, cursor, charset, defaultTimeMs,
                lastObxDevice.isEmpty() ? msh.fallbackDevice() : lastObxDevice);
        if (observation == null) {
            return;
        }
        observations.add(observation);
        if (condition == null && obx.isEventCondition()) {
            condition = obx.condition(message, cursor, charset, observation.timeMs());
        }
    }

    private DeviceReport report() {
        long reportTimeMs = firstObrTimeMs != DtmParser.NONE ? firstObrTimeMs : mshTimeMs;
        if (reportTimeMs == DtmParser.NONE) {
            throw Fallback.of(Fallback.Reason.REFUSAL);
        }
        List<Observation> list = List.copyOf(observations);
        PumpEvent event = null;
        if (msh.kind() == ReportKind.PUMP_EVENT) {
            if (condition == null) {
                throw Fallback.of(Fallback.Reason.REFUSAL);
            }
            event = PumpEventReader.of(condition, list, obr4Text == null ? "" : obr4Text);
        }
        String deviceId = firstObxDevice.isEmpty() ? msh.fallbackDevice() : firstObxDevice;
        return new DeviceReport(controlId, msh.kind(), bed, deviceId, reportTimeMs, list, event);
    }

    /** Component of field {@code piece} of the current segment (piece = field, MSH excepted). */
    private Slice component(byte[] message, int piece, int component, Slice out) {
        cursor.field(piece, view);
        return values.component(view, component, out);
    }
}
