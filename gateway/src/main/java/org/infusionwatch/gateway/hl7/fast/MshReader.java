package org.infusionwatch.gateway.hl7.fast;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.infusionwatch.agent.model.ReportKind;
import org.infusionwatch.gateway.hl7.AckHeader;

/**
 * Reads the MSH segment for the fast path: message type, control id, charset, what the ACK echoes
 * ({@link AckHeader}) and the fallback device id, with the values the HAPI path takes from HAPI's
 * pre-parser and parser. To be sure they are the same values, every MSH field the ACK echoes must
 * be plain: printable ASCII, no repetition, subcomponent or escape character, none of the
 * characters an ACK would have to escape. Everything else goes to HAPI.
 *
 * <p>A device sends the same header in every message, so headers are kept and reused while the
 * bytes they were read from stay the same; only MSH-7 and MSH-10 are read each time.
 *
 * <p>One per decoder; not thread-safe.
 */
final class MshReader {

    /** Versions whose messages were checked to read the same in HAPI's v2.6 model and here. */
    private static final Set<String> VERSIONS = Set.of(
            "2.3", "2.3.1", "2.4", "2.5", "2.5.1", "2.6", "2.7", "2.7.1", "2.8", "2.8.1");
    /** {@code MshHeader.charsetOf} reads the header from this much of the message. */
    private static final int HEADER_SNIFF_BYTES = 8 * 1024;
    /** Characters HAPI escapes when it encodes an ACK with the standard delimiters. */
    private static final boolean[] NOT_PLAIN = new boolean[128];

    static {
        for (char c : "|^~\\&#".toCharArray()) {
            NOT_PLAIN[c] = true;
        }
    }
    private static final List<String> TRIGGERS = List.of("R01", "R40", "R42");

    /**
     * Headers read before, by a hash of their MSH-3 to MSH-6, in sets of {@value #HEADER_WAYS}.
     * A device-integration gateway multiplexes a whole unit on one connection (40 beds with a
     * monitor, a ventilator and a pump each is 120 devices, and a pump's reports and events have
     * two headers in the same set). With 256 entries in pairs, a few sets of such a connection
     * held three headers or more and rebuilt one of them, with its ACK template, for nearly every
     * message: garbage that lived long enough to reach the old generation. 16 KB a connection.
     */
    private static final int CACHED_HEADERS = 4096;
    private static final int HEADER_WAYS = 8;
    /** MSH-7 starts after the sixth field separator (MSH-1, then the ends of MSH-2 to MSH-6). */
    private static final int MSH_7_PIECE = 6;
    private static final int MSH_10_PIECE = 9;

    /**
     * What one header says, and the MSH segment it was read from, cut around MSH-7 and MSH-10
     * (the only fields that change from one message of a device to the next): a later MSH made of
     * the same bytes around other MSH-7 and MSH-10 values is the same header.
     */
    private static final class Header {
        ReportKind kind;
        String messageType;
        AckHeader ack;
        String fallbackDevice;
        /** {@code MSH|^~\&|} through the separator before MSH-7. */
        byte[] beforeTime;
        /** From the separator after MSH-7 through the one before MSH-10. */
        byte[] beforeId;
        /** From the separator after MSH-10 to the end of the segment. */
        byte[] afterId;
        /** The OBX read at each position of this device's messages; made once the header comes again. */
        ObxMemo[] obx;
        boolean seenAgain;
        /** The ACK's fixed parts, made at the first ACK to this header. */
        FastAckWriter.Template ackTemplate;
    }

    /** More OBX per message than this are read without memo. */
    private static final int MAX_OBX_MEMOS = 256;

    private final Header[] cache = new Header[CACHED_HEADERS];
    private Header current;
    private long headersRead;
    // Where the variable fields of the current message are.
    private int timeFrom;
    private int timeTo;
    private int idFrom;
    private int idTo;
    private int segmentEnd;

    private final Slice slice = new Slice();
    private final FieldView view = new FieldView();

    /**
     * The header of a message already seen from the same device: the MSH bytes around MSH-7 and
     * MSH-10 are those of a header read before, MSH-7 holds no delimiter and MSH-10 is plain. A
     * connection usually carries one device, so the previous header is tried first; a gateway that
     * multiplexes devices finds theirs in a small cache.
     *
     * @return false when the header must be read with {@link #read}
     */
    boolean readKnown(byte[] message) {
        if (current != null && matches(current, message)) {
            current.seenAgain = true;
            return true;
        }
        int prefix = beforeTimeLength(message);
        if (prefix < 0) {
            return false;
        }
        int set = firstWay(hash(message, prefix));
        for (int way = set; way < set + HEADER_WAYS; way++) {
            Header cached = cache[way];
            if (cached != null && cached != current && matches(cached, message)) {
                current = cached;
                current.seenAgain = true;
                return true;
            }
        }
        return false;
    }

    /** The first entry of the set a header hash falls in. */
    private static int firstWay(int hash) {
        return hash & (CACHED_HEADERS - 1) & -HEADER_WAYS;
    }

    /** Puts a header first in its set; the set's last (oldest) header leaves. */
    private void cache(Header header, int hash) {
        int set = firstWay(hash);
        System.arraycopy(cache, set, cache, set + 1, HEADER_WAYS - 1);
        cache[set] = header;
    }

    /**
     * Reads the header of a message whose cursor stands on its MSH segment.
     *
     * @throws Fallback when the message is not one the fast path reads
     */
    void read(byte[] message, SegmentCursor msh, ValueReader values) {
        current = null;
        headersRead++;
        if (msh.segmentEnd() > HEADER_SNIFF_BYTES) {
            throw Fallback.of(Fallback.Reason.HEADER);
        }
        if (msh.pieces() < 12) {
            // No MSH-12: HAPI cannot tell the version.
            throw Fallback.of(Fallback.Reason.VERSION);
        }
        Header header = readHeader(message, msh, values);
        plain(message, msh, 10, false);
        idFrom = msh.start(MSH_10_PIECE);
        idTo = msh.end(MSH_10_PIECE);
        timeFrom = msh.start(MSH_7_PIECE);
        timeTo = msh.end(MSH_7_PIECE);
        segmentEnd = msh.segmentEnd();
        if (!hasDelimiter(message, timeFrom, timeTo)) {
            // Only a header whose MSH-7 the quick match can read is worth keeping.
            header.beforeTime = Arrays.copyOfRange(message, 0, timeFrom);
            header.beforeId = Arrays.copyOfRange(message, timeTo, idFrom);
            header.afterId = Arrays.copyOfRange(message, idTo, segmentEnd);
            cache(header, hash(message, timeFrom));
        }
        current = header;
    }

    /** MSH-7 as it stands, when {@link #readKnown} matched (it holds no delimiter then). */
    Slice time(byte[] message, Slice out) {
        return out.set(message, timeFrom, timeTo).trim();
    }

    /**
     * One of the two memos (ways 0 and 1) of the {@code ordinal}-th OBX (0-based) of the current
     * header's messages: two, as a device may send two layouts under one header. Null for a header
     * seen once (a one-off sender is not worth remembering) and beyond {@link #MAX_OBX_MEMOS}.
     */
    ObxMemo obxMemo(int ordinal, int way) {
        if (ordinal >= MAX_OBX_MEMOS || !current.seenAgain) {
            return null;
        }
        int index = 2 * ordinal + way;
        ObxMemo[] memos = current.obx;
        if (memos == null) {
            memos = new ObxMemo[16];
            current.obx = memos;
        }
        if (index >= memos.length) {
            memos = Arrays.copyOf(memos, Math.max(index + 1, memos.length * 2));
            current.obx = memos;
        }
        ObxMemo memo = memos[index];
        if (memo == null) {
            memo = new ObxMemo();
            memos[index] = memo;
        }
        return memo;
    }

    /** End of the MSH segment of the current message. */
    int segmentEnd() {
        return segmentEnd;
    }

    ReportKind kind() {
        return current.kind;
    }

    /** {@code ORU^R01}, {@code ORU^R40} or {@code ORU^R42}. */
    String messageType() {
        return current.messageType;
    }

    AckHeader header() {
        return current.ack;
    }

    /** The ACK template of the current header, made by {@code writer} the first time. */
    FastAckWriter.Template ackTemplate(FastAckWriter writer) {
        FastAckWriter.Template template = current.ackTemplate;
        if (template == null) {
            template = writer.template(current.ack);
            current.ackTemplate = template;
        }
        return template;
    }

    /** Headers read in full so far: once per device, unless the cache is too small for a connection's devices. */
    long headersRead() {
        return headersRead;
    }

    Charset charset() {
        return current.ack.charset();
    }

    /** MSH-3 component 1, else component 2, else MSH-4 component 1: the device when no OBX-18 names one. */
    String fallbackDevice() {
        return current.fallbackDevice;
    }

    /** MSH-10, trimmed (checked plain by {@link #readKnown} or {@link #read}). */
    String controlId(byte[] message) {
        Slice id = slice.set(message, idFrom, idTo).trim();
        return id.isEmpty() ? "" : new String(id.buf, id.from, id.length(), StandardCharsets.ISO_8859_1);
    }

    private Header readHeader(byte[] message, SegmentCursor msh, ValueReader values) {
        Header header = new Header();
        readType(header, message, msh, values);
        Slice version = plain(message, msh, 12, false);
        String versionText = new String(version.buf, version.from, version.length(), StandardCharsets.ISO_8859_1);
        if (!VERSIONS.contains(versionText)) {
            throw Fallback.of(Fallback.Reason.VERSION);
        }
        Slice charsetName = plain(message, msh, 18, false).trim();
        Charset charset = charsetName.startsWith("8859/1") ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8;
        Slice processing = plain(message, msh, 11, false).trim();
        String processingId = processing.isEmpty() ? "P" : ascii(processing);
        List<String> application = components(message, msh, 3, values);
        List<String> facility = components(message, msh, 4, values);
        List<String> receivingFacility = components(message, msh, 6, values);
        header.ack = new AckHeader(application, facility, receivingFacility, header.messageType.substring(4),
                processingId, versionText, charset);
        header.fallbackDevice = firstNonEmpty(part(application, 0), part(application, 1), part(facility, 0));
        return header;
    }

    /**
     * MSH-9 as HAPI reads it twice: {@code MshHeader} takes code and trigger (trimmed), the parser
     * takes the structure from component 3, or from components 1 and 2 when there are only two.
     * Only untrimmed {@code ORU} with R01, R40 or R42 and an ORU_R01-shaped structure stay here.
     */
    private void readType(Header header, byte[] message, SegmentCursor msh, ValueReader values) {
        plain(message, msh, 9, true);
        msh.field(8, view);
        String trigger = trigger(rawComponent(view, 2));
        if (!rawComponent(view, 1).equalsAscii("ORU") || trigger == null) {
            throw Fallback.of(Fallback.Reason.MESSAGE_TYPE);
        }
        // HAPI splits MSH-9 dropping one trailing empty component; with three or more components
        // the third names the structure, with two the structure is ORU_{trigger}.
        int components = view.count;
        if (components >= 3 && view.start(components) == view.end(components)) {
            components--;
        }
        if (components >= 3) {
            Slice structure = rawComponent(view, 3);
            if (!structure.equalsAscii("ORU_R01") && !structure.equalsAscii("ORU_R40")
                    && !structure.equalsAscii("ORU_R42")) {
                throw Fallback.of(Fallback.Reason.MESSAGE_TYPE);
            }
        }
        header.messageType = "ORU^" + trigger;
        header.kind = switch (trigger) {
            case "R01" -> ReportKind.OBSERVATIONS;
            case "R42" -> ReportKind.PUMP_EVENT;
            default -> ReportKind.ALARM;
        };
    }

    /** R01, R40 or R42 exactly as sent, else null. */
    private static String trigger(Slice raw) {
        for (String known : TRIGGERS) {
            if (raw.equalsAscii(known)) {
                return known;
            }
        }
        return null;
    }

    private Slice rawComponent(FieldView loaded, int component) {
        if (component > loaded.count) {
            return slice.set(loaded.buf, loaded.to, loaded.to);
        }
        return slice.set(loaded.buf, loaded.start(component), loaded.end(component));
    }

    /** Components 1 to 3, trimmed, trailing empty ones dropped, as {@code MshHeader} lists them. */
    private List<String> components(byte[] message, SegmentCursor msh, int field, ValueReader values) {
        plain(message, msh, field, true);
        msh.field(field - 1, view);
        List<String> out = new ArrayList<>(3);
        for (int c = 1; c <= 3; c++) {
            out.add(ascii(values.component(view, c, slice)));
        }
        while (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) {
            out.remove(out.size() - 1);
        }
        return out;
    }

    /**
     * MSH-{@code field} after checking it is plain.
     *
     * @param components whether the component separator may split it
     */
    private Slice plain(byte[] message, SegmentCursor msh, int field, boolean components) {
        int from = msh.start(field - 1);
        int to = msh.end(field - 1);
        byte componentSeparator = components ? message[4] : 0;
        for (int i = from; i < to; i++) {
            byte b = message[i];
            if (b < 0x20 || b > 0x7E) {
                throw Fallback.of(Fallback.Reason.HEADER);
            }
            if (b != componentSeparator && (NOT_PLAIN[b] || b == message[4] || b == message[5] || b == message[6]
                    || b == message[7])) {
                throw Fallback.of(Fallback.Reason.HEADER);
            }
        }
        return slice.set(message, from, to);
    }

    /** The same bytes around MSH-7 and MSH-10, a delimiter-free MSH-7 and a plain MSH-10. */
    private boolean matches(Header header, byte[] message) {
        byte[] beforeTime = header.beforeTime;
        int length = message.length;
        if (beforeTime == null || length < beforeTime.length || !Arrays.equals(message, 0, beforeTime.length, beforeTime, 0, beforeTime.length)) {
            return false;
        }
        byte fieldSeparator = message[3];
        int p = beforeTime.length;
        int time = p;
        while (p < length && message[p] != fieldSeparator) {
            if (isDelimiterOrEnd(message, message[p])) {
                return false;
            }
            p++;
        }
        int timeEnd = p;
        if (!regionEquals(message, p, header.beforeId)) {
            return false;
        }
        p += header.beforeId.length;
        int id = p;
        while (p < length && message[p] != fieldSeparator) {
            byte b = message[p];
            if (b < 0x20 || b > 0x7E || NOT_PLAIN[b] || isDelimiterOrEnd(message, b)) {
                return false;
            }
            p++;
        }
        int idEnd = p;
        if (!regionEquals(message, p, header.afterId)) {
            return false;
        }
        p += header.afterId.length;
        if ((p < length && message[p] != '\r' && message[p] != '\n') || p > HEADER_SNIFF_BYTES) {
            return false;
        }
        timeFrom = time;
        timeTo = timeEnd;
        idFrom = id;
        idTo = idEnd;
        segmentEnd = p;
        return true;
    }

    private static boolean regionEquals(byte[] message, int at, byte[] part) {
        return at + part.length <= message.length && Arrays.equals(message, at, at + part.length, part, 0, part.length);
    }

    /** Offset of MSH-7, or -1 when the message ends (or a segment does) before it. */
    private static int beforeTimeLength(byte[] message) {
        byte fieldSeparator = message[3];
        int separators = 2;
        for (int i = 9; i < message.length; i++) {
            byte b = message[i];
            if (b == '\r' || b == '\n') {
                return -1;
            }
            if (b == fieldSeparator && ++separators == MSH_7_PIECE) {
                return i + 1;
            }
        }
        return -1;
    }

    /** MSH-3 to MSH-6 pick the slot; the comparison decides. */
    private static int hash(byte[] message, int beforeTime) {
        int h = beforeTime;
        for (int i = 9; i < beforeTime; i++) {
            h = 31 * h + message[i];
        }
        // MurmurHash3's finaliser: the devices of a unit differ in a few characters mid-field,
        // which a plain polynomial hash leaves clustered in the low bits.
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        return h ^ (h >>> 16);
    }

    private static boolean hasDelimiter(byte[] message, int from, int to) {
        for (int i = from; i < to; i++) {
            if (isDelimiterOrEnd(message, message[i])) {
                return true;
            }
        }
        return false;
    }

    private static boolean isDelimiterOrEnd(byte[] message, byte b) {
        return b == message[4] || b == message[5] || b == message[6] || b == message[7] || b == '\r' || b == '\n';
    }

    private static String ascii(Slice s) {
        return s.isEmpty() ? "" : new String(s.buf, s.from, s.length(), StandardCharsets.ISO_8859_1);
    }

    private static String part(List<String> parts, int index) {
        return index < parts.size() ? parts.get(index) : "";
    }

    private static String firstNonEmpty(String a, String b, String c) {
        return !a.isEmpty() ? a : !b.isEmpty() ? b : c;
    }
}
