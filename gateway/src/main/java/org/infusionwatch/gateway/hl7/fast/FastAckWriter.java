package org.infusionwatch.gateway.hl7.fast;

import ca.uhn.hl7v2.parser.DefaultEscaping;
import ca.uhn.hl7v2.parser.EncodingCharacters;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.infusionwatch.gateway.hl7.AckHeader;

/**
 * Writes the {@code AA} acknowledgement byte for byte as the HAPI path's {@code AckWriter} encodes
 * it with HAPI (a test parses both back and compares them):
 * {@code MSH|^~\&|{app}|{MSH-6}|{MSH-3}|{MSH-4}|{now}||ACK^{trigger}^ACK|{new id}|{MSH-11}|{MSH-12}}
 * then {@code MSA|AA|{MSH-10}}. Refusals are rare and are written by HAPI.
 *
 * <p>Header values come from {@link MshReader}, which lets through only values that need no HL7
 * escaping; the application name is escaped once, by HAPI, when the writer is made. The parts of
 * the ACK that depend on the header and the second of the timestamp are kept between messages.
 *
 * <p>Not thread-safe: it numbers its ACKs (MSH-10). One per decoder.
 */
final class FastAckWriter {

    private static final DateTimeFormatter SECOND =
            DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);
    private static final int ID_RADIX = 36;
    private static final int INSTANCE_TAG_RANGE = 36 * 36 * 36 * 36;
    /** The sequence counts modulo 36^6, like the HAPI path's {@code AckWriter}. */
    private static final int SEQUENCE_DIGITS = 6;
    private static final byte[] DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz".getBytes(StandardCharsets.US_ASCII);

    private final Clock clock;
    private final String escapedApplication;
    /** Keeps ids of ACKs written in the same millisecond by different connections apart. */
    private final byte[] instanceTag;
    /** Base-36 digits of the ACK sequence number (MSH-10 suffix), least significant first. */
    private final byte[] sequenceDigits = new byte[SEQUENCE_DIGITS];
    private int sequenceLength = 1;
    private long lastIdMs = Long.MIN_VALUE;
    private byte[] idTime;

    /**
     * The bytes of an ACK that depend only on the header. The scanner keeps one with each header
     * it keeps ({@link MshReader#ackTemplate}), so a device's ACKs reuse it.
     */
    static final class Template {
        final AckHeader header;
        /** {@code MSH|^~\&|app|MSH-4|MSH-5|MSH-6|} */
        final byte[] head;
        /** {@code ||ACK^trigger^ACK|} */
        final byte[] type;
        /** {@code |processing|version\rMSA|AA} */
        final byte[] tail;

        Template(AckHeader header, String escapedApplication) {
            Charset charset = header.charset();
            this.header = header;
            this.head = ("MSH|^~\\&|" + escapedApplication + "|" + components(header.receivingFacility()) + "|"
                    + components(header.sendingApplication()) + "|" + components(header.sendingFacility()) + "|")
                    .getBytes(charset);
            this.type = ("||ACK^" + header.triggerEvent() + "^ACK|").getBytes(charset);
            this.tail = ("|" + header.processingId() + "|" + header.version() + "\rMSA|AA").getBytes(charset);
        }
    }

    private long lastSecond = Long.MIN_VALUE;
    private final byte[] secondDigits = new byte[14];
    private byte[] scratch = new byte[256];
    private int length;

    FastAckWriter(Clock clock, String receivingApplication) {
        this.clock = clock;
        this.escapedApplication = new DefaultEscaping().escape(receivingApplication,
                new EncodingCharacters('|', "^~\\&"));
        String tag = Integer.toString(ThreadLocalRandom.current().nextInt(INSTANCE_TAG_RANGE), ID_RADIX);
        this.instanceTag = ("0".repeat(4 - tag.length()) + tag).getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * @param controlId MSH-10 of the message, plain ASCII
     * @return the ACK, segments terminated by CR, in the header's charset
     */
    byte[] accept(AckHeader header, String controlId) {
        return accept(template(header), controlId);
    }

    /** As {@link #accept(AckHeader, String)}, with a template made by {@link #template} before. */
    byte[] accept(Template template, String controlId) {
        long nowMs = clock.millis();
        length = 0;
        append(template.head);
        appendTime(nowMs);
        append(template.type);
        appendId(nowMs);
        append(template.tail);
        if (!controlId.isEmpty()) {
            // HAPI drops a trailing empty field, so MSA-2 brings its separator only when present.
            put((byte) '|');
            for (int i = 0; i < controlId.length(); i++) {
                put((byte) controlId.charAt(i));
            }
        }
        put((byte) '\r');
        return Arrays.copyOf(scratch, length);
    }

    /** The parts of every ACK to {@code header} that do not change from one message to the next. */
    Template template(AckHeader header) {
        return new Template(header, escapedApplication);
    }

    private static String components(List<String> components) {
        return String.join("^", components);
    }

    /** {@code yyyyMMddHHmmss.SSS+0000}, the UTC form of the HAPI path's {@code yyyyMMddHHmmss.SSSZ}. */
    private void appendTime(long nowMs) {
        long second = Math.floorDiv(nowMs, 1000L);
        if (second != lastSecond) {
            byte[] digits = SECOND.format(java.time.Instant.ofEpochSecond(second)).getBytes(StandardCharsets.US_ASCII);
            System.arraycopy(digits, 0, secondDigits, 0, secondDigits.length);
            lastSecond = second;
        }
        append(secondDigits);
        int millis = (int) Math.floorMod(nowMs, 1000L);
        put((byte) '.');
        put((byte) ('0' + millis / 100));
        put((byte) ('0' + millis / 10 % 10));
        put((byte) ('0' + millis % 10));
        put((byte) '+');
        put((byte) '0');
        put((byte) '0');
        put((byte) '0');
        put((byte) '0');
    }

    /**
     * At most 20 characters: IW + time + instance + sequence, all base 36, as the HAPI path numbers
     * them. The time digits are kept for the millisecond and the sequence counts in base 36, so no
     * division is made per ACK.
     */
    private void appendId(long nowMs) {
        put((byte) 'I');
        put((byte) 'W');
        if (nowMs != lastIdMs) {
            idTime = Long.toString(nowMs, ID_RADIX).getBytes(StandardCharsets.US_ASCII);
            lastIdMs = nowMs;
        }
        append(idTime);
        append(instanceTag);
        for (int i = sequenceLength - 1; i >= 0; i--) {
            put(DIGITS[sequenceDigits[i]]);
        }
        countSequence();
    }

    /** {@code sequence + 1} modulo 36^6, as little-endian base-36 digits. */
    private void countSequence() {
        for (int i = 0; i < sequenceLength; i++) {
            if (++sequenceDigits[i] < ID_RADIX) {
                return;
            }
            sequenceDigits[i] = 0;
        }
        if (sequenceLength < SEQUENCE_DIGITS) {
            sequenceDigits[sequenceLength++] = 1;
        } else {
            sequenceLength = 1; // wrapped to 0
        }
    }

    private void append(byte[] bytes) {
        ensure(bytes.length);
        System.arraycopy(bytes, 0, scratch, length, bytes.length);
        length += bytes.length;
    }

    private void put(byte b) {
        ensure(1);
        scratch[length++] = b;
    }

    private void ensure(int more) {
        if (length + more > scratch.length) {
            scratch = Arrays.copyOf(scratch, Math.max(scratch.length * 2, length + more));
        }
    }
}
