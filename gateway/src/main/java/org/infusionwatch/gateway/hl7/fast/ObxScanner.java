package org.infusionwatch.gateway.hl7.fast;

import java.nio.charset.Charset;
import java.util.Arrays;
import org.infusionwatch.agent.model.Observation;
import org.infusionwatch.agent.model.ObservationKind;
import org.infusionwatch.gateway.hl7.PumpEventReader;

/**
 * Reads one OBX into an {@link Observation} with the rules of the HAPI path's {@code ObxReader}
 * (docs/wire-formats.md): code from OBX-3 (the MDC coding, primary or alternate), value from OBX-5
 * by its type, unit from OBX-6, kind from OBX-17, time from OBX-14 or the caller's default.
 *
 * <p>One per decoder; not thread-safe. Values of the last OBX read stay valid until the next one.
 */
final class ObxScanner {

    /** OBX-2 types the scanner knows, with whether HAPI's v2.6 model makes them primitive. */
    enum ValueType {
        ST(true), TX(true), FT(true), NM(true), DTM(true), DT(true), TM(true), ID(true), IS(true),
        CWE(false), CE(false), CNE(false), CF(false), NA(false), NR(false), SN(false), TS(false);

        private static final ValueType[] ALL = values();
        private static final int[] PACKED = new int[ALL.length];

        static {
            for (int i = 0; i < ALL.length; i++) {
                PACKED[i] = pack(ALL[i].name());
            }
        }

        final boolean primitive;

        ValueType(boolean primitive) {
            this.primitive = primitive;
        }

        /** Up to three ASCII bytes in one int, so a type name is one comparison. */
        private static int pack(String name) {
            int packed = 0;
            for (int i = 0; i < name.length(); i++) {
                packed = packed << 8 | name.charAt(i);
            }
            return packed;
        }

        boolean coded() {
            return this == CWE || this == CE || this == CNE || this == CF;
        }

        /** OBX-2 as HAPI sees it: empty is read as ST (the gateway's default), an unknown one goes to HAPI. */
        static ValueType of(Slice raw) {
            if (raw.isEmpty()) {
                return ST;
            }
            if (raw.length() <= 3) {
                int packed = 0;
                for (int i = raw.from; i < raw.to; i++) {
                    packed = packed << 8 | (raw.buf[i] & 0xFF);
                }
                for (int i = 0; i < PACKED.length; i++) {
                    if (PACKED[i] == packed) {
                        return ALL[i];
                    }
                }
            }
            throw Fallback.of(Fallback.Reason.VALUE_TYPE);
        }
    }

    private static final String MDC = "MDC";
    private static final String EVENT_PREFIX = "MDC_EVT_";

    private final ValueReader values;
    private final StringCache strings;
    private final DtmParser times;
    private final FieldView view = new FieldView();
    private final FieldView obx5 = new FieldView();
    private final Slice a = new Slice();
    private final Slice b = new Slice();
    private final Slice c = new Slice();
    private Slice[] repetitions = {new Slice(), new Slice(), new Slice(), new Slice()};
    private int mdcCode;
    private String refId;
    // The OBX being read: its memo, whether the memo holds it, its device and the byte ranges
    // around OBX-5 and OBX-14 that identify it.
    private ObxMemo memo;
    private boolean known;
    /** OBX started on so far: the clock of {@link ObxMemo#used}. */
    private long read;
    private String device;
    private int headFrom;
    private int headTo;
    private int middleFrom;
    private int middleTo;
    private int tailFrom;
    private int tailTo;

    ObxScanner(ValueReader values, StringCache strings, DtmParser times) {
        this.values = values;
        this.strings = strings;
        this.times = times;
    }

    /**
     * Starts on the OBX at the cursor and returns its device, OBX-18 component 1 (empty when not
     * sent), from the memo when the segment is the one remembered.
     *
     * @param first  what was read at this OBX position of the device's messages; null for none
     * @param second the other layout seen at this position; null for none
     */
    String device(byte[] message, SegmentCursor obx, Charset charset, ObxMemo first, ObxMemo second) {
        headFrom = obx.segmentStart();
        headTo = obx.start(5);
        middleFrom = obx.end(5);
        middleTo = obx.start(14);
        tailFrom = obx.end(14);
        tailTo = obx.segmentEnd();
        read++;
        memo = null;
        known = false;
        if (first != null) {
            if (first.matches(message, headFrom, headTo, middleFrom, middleTo, tailFrom, tailTo)) {
                memo = first;
                known = true;
            } else if (second.matches(message, headFrom, headTo, middleFrom, middleTo, tailFrom, tailTo)) {
                memo = second;
                known = true;
            } else {
                memo = first.used <= second.used ? first : second;
                memo.forget();
            }
            memo.used = read;
        }
        if (known) {
            device = memo.device;
            return device;
        }
        obx.field(18, view);
        device = strings.get(values.component(view, 1, a), charset);
        return device;
    }

    /**
     * Reads the OBX {@link #device} started on.
     *
     * @param defaultTimeMs the current OBR-7, else MSH-7, else {@link DtmParser#NONE}
     * @param deviceId      the device of the observation (OBX-18, preceding OBX-18, MSH-3)
     * @return the observation, or null when OBX-5 is empty (a device hierarchy row)
     * @throws Fallback when the OBX is refused by the HAPI path or not read the same way here
     */
    Observation read(byte[] message, SegmentCursor obx, Charset charset, long defaultTimeMs, String deviceId) {
        boolean detailed = known && memo.detailed;
        int valueFrom = obx.start(5);
        int valueTo = obx.end(5);
        if (valueFrom == valueTo) {
            rememberDevice(message);
            return null;
        }
        ValueType type = detailed ? memo.type : ValueType.of(rawType(message, obx));
        int count = repetitionTexts(message, valueFrom, valueTo, type.primitive);
        if (!hasValue(count)) {
            rememberDevice(message);
            return null;
        }
        long timeMs = times.parse(component(message, obx, 14, 1, a));
        if (timeMs == DtmParser.NONE) {
            timeMs = defaultTimeMs;
        }
        if (timeMs == DtmParser.NONE) {
            throw Fallback.of(Fallback.Reason.REFUSAL);
        }
        String unit;
        int unitCode;
        ObservationKind kind;
        if (detailed) {
            mdcCode = memo.mdcCode;
            refId = memo.refId;
            unit = memo.unit;
            unitCode = memo.unitCode;
            kind = memo.kind;
        } else {
            readCode(message, obx, charset);
            obx.field(6, view);
            Slice unitId = values.component(view, 1, a);
            Slice unitText = values.component(view, 2, b);
            boolean ucumOnly = values.component(view, 3, c).equalsIgnoreCaseAscii("UCUM");
            unit = strings.get(ucumOnly || unitText.isEmpty() ? unitId : unitText, charset);
            unitCode = Numbers.code(unitId);
            kind = kind(component(message, obx, 17, 1, a), charset);
        }
        double value = Double.NaN;
        String text;
        if (type == ValueType.NM) {
            value = Numbers.nm(repetitions[0]);
            text = strings.get(repetitions[0], charset);
        } else if (type.coded()) {
            text = codedText(obx, charset);
        } else {
            text = strings.get(count == 1 ? repetitions[0] : values.join(repetitions, count, c), charset);
        }
        if (memo != null && !detailed) {
            memo.type = type;
            memo.mdcCode = mdcCode;
            memo.refId = refId;
            memo.unit = unit;
            memo.unitCode = unitCode;
            memo.kind = kind;
            memo.detailed = true;
            rememberDevice(message);
        }
        return new Observation(mdcCode, refId, value, text, unit, unitCode, kind, timeMs, deviceId);
    }

    /** After a successful read: the device, and the bytes it was read from, when new. */
    private void rememberDevice(byte[] message) {
        if (memo != null && !known) {
            memo.device = device;
            memo.remember(message, headFrom, headTo, middleFrom, middleTo, tailFrom, tailTo);
            known = true;
        }
    }

    /** Whether the last OBX read is the pump's event condition ({@code MDC_ATTR_EVT_COND}). */
    boolean isEventCondition() {
        return mdcCode == PumpEventReader.MDC_ATTR_EVT_COND || PumpEventReader.MDC_ATTR_EVT_COND_REF.equals(refId);
    }

    /** The event condition sent in OBX-5 of the last OBX read: components 1 (code) and 2 (reference id). */
    PumpEventReader.Condition condition(byte[] message, SegmentCursor obx, Charset charset, long timeMs) {
        obx.field(5, obx5);
        return new PumpEventReader.Condition(Numbers.code(values.component(obx5, 1, a)),
                strings.get(values.component(obx5, 2, b), charset), timeMs);
    }

    /** OBX-2 component 1 as HAPI takes the type name: untrimmed; an escaped name goes to HAPI. */
    private Slice rawType(byte[] message, SegmentCursor obx) {
        obx.field(2, view);
        if (view.escaped) {
            throw Fallback.of(Fallback.Reason.VALUE_TYPE);
        }
        return a.set(message, view.start(1), view.end(1));
    }

    /**
     * The text of every repetition of OBX-5, into {@link #repetitions}. HAPI splits repetitions
     * dropping one trailing empty piece ({@code a~} is one repetition, {@code a~~} two).
     */
    private int repetitionTexts(byte[] message, int from, int to, boolean primitive) {
        byte separator = values.repetitionSeparator();
        int count = 0;
        int p = from;
        while (true) {
            int q = p;
            while (q < to && message[q] != separator) {
                q++;
            }
            boolean last = q >= to;
            if (last && q == p && count > 0) {
                break;
            }
            if (count == repetitions.length) {
                grow();
            }
            values.repetitionText(message, p, q, primitive, repetitions[count++]);
            if (last) {
                break;
            }
            p = q + 1;
        }
        return count;
    }

    private boolean hasValue(int count) {
        for (int i = 0; i < count; i++) {
            if (!repetitions[i].isEmpty()) {
                return true;
            }
        }
        return false;
    }

    /**
     * OBX-3 component 1 and 2; the alternate coding (4 and 5) when only it is MDC; code 0 for
     * another system, so a private number is never taken for an MDC term.
     */
    private void readCode(byte[] message, SegmentCursor obx, Charset charset) {
        obx.field(3, view);
        Slice system = values.component(view, 3, a);
        if (system.isEmpty() || system.equalsIgnoreCaseAscii(MDC)) {
            mdcCode = Numbers.code(values.component(view, 1, b));
            refId = strings.get(values.component(view, 2, c), charset);
        } else if (values.component(view, 6, a).equalsIgnoreCaseAscii(MDC)) {
            mdcCode = Numbers.code(values.component(view, 4, b));
            refId = strings.get(values.component(view, 5, c), charset);
        } else {
            mdcCode = 0;
            refId = strings.get(values.component(view, 2, c), charset);
        }
    }

    /** Component 1, or 2 when 1 is empty; an MDC event code is kept whole so its reference id survives. */
    private String codedText(SegmentCursor obx, Charset charset) {
        obx.field(5, obx5);
        Slice identifier = values.component(obx5, 1, a);
        Slice text = values.component(obx5, 2, b);
        if (text.startsWith(EVENT_PREFIX)) {
            return strings.get(repetitions[0], charset);
        }
        return strings.get(identifier.isEmpty() ? text : identifier, charset);
    }

    private ObservationKind kind(Slice code, Charset charset) {
        if (!code.isAscii()) {
            return ObservationKind.fromObx17(strings.get(code, charset));
        }
        if (code.equalsIgnoreCaseAscii("MSET") || code.equalsIgnoreCaseAscii("ASET")) {
            return ObservationKind.SETTING;
        }
        if (code.equalsIgnoreCaseAscii("ACALC") || code.equalsIgnoreCaseAscii("MCALC")) {
            return ObservationKind.CALCULATION;
        }
        return ObservationKind.MEASUREMENT;
    }

    private Slice component(byte[] message, SegmentCursor segment, int field, int component, Slice out) {
        segment.field(field, view);
        return values.component(view, component, out);
    }

    private void grow() {
        Slice[] larger = Arrays.copyOf(repetitions, repetitions.length * 2);
        for (int i = repetitions.length; i < larger.length; i++) {
            larger[i] = new Slice();
        }
        repetitions = larger;
    }
}
