package org.infusionwatch.gateway.hl7.fast;

import ca.uhn.hl7v2.ErrorCode;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.infusionwatch.agent.model.DeviceReport;
import org.infusionwatch.gateway.hl7.AckCode;
import org.infusionwatch.gateway.hl7.Hl7Decoded;
import org.infusionwatch.gateway.hl7.PcdMessageDecoder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decodes IHE PCD messages with a byte-level scanner and falls back to the HAPI-based
 * {@link PcdMessageDecoder} for everything the scanner does not read completely. Same contract as
 * {@link PcdMessageDecoder}: {@link #decode} never throws and answers every message with AA, AE or
 * AR; the report and ACK are those the HAPI path gives (a differential test holds the two together
 * on real, simulated and fuzzed messages).
 *
 * <p>The scanner reads {@code ORU^R01}, {@code ORU^R40} and {@code ORU^R42} in the common shape
 * (standard segment order, plain header, known value types, the five basic escapes) without a
 * String per field, and writes the AA ACK itself. Refusals, other message types, clinician entries
 * (a person's rate, not a device's) and anything unusual go to HAPI, so every AE/AR, its reason and
 * its error location are HAPI's.
 *
 * <p><b>Not thread-safe</b>: it holds scratch buffers, caches and a HAPI parser, and numbers its
 * ACKs. Use one instance per connection (e.g. one per MLLP channel, on its event loop).
 */
public final class FastPcdDecoder {

    private static final Logger LOG = LoggerFactory.getLogger(FastPcdDecoder.class);

    private static final byte[] NO_ACK = new byte[0];

    private final PcdMessageDecoder hapi;
    private final PcdScanner scanner = new PcdScanner();
    private final FastAckWriter ackWriter;
    private long scanned;
    private final long[] delegated = new long[Fallback.Reason.values().length];

    /**
     * @param clock                time source for ACK timestamps (MSH-7)
     * @param receivingApplication our name, sent as MSH-3 of every ACK, e.g. {@code INFUSIONWATCH}
     */
    public FastPcdDecoder(Clock clock, String receivingApplication) {
        this(clock, receivingApplication, PcdMessageDecoder.DEFAULT_MAX_MESSAGE_BYTES);
    }

    /**
     * @param maxMessageBytes the MLLP frame limit, quoted in the reason of {@link #oversize}
     */
    public FastPcdDecoder(Clock clock, String receivingApplication, int maxMessageBytes) {
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(receivingApplication, "receivingApplication");
        this.hapi = new PcdMessageDecoder(clock, receivingApplication, maxMessageBytes);
        this.ackWriter = new FastAckWriter(clock, receivingApplication);
    }

    /** Decodes one message (the payload of an MLLP frame); see {@link PcdMessageDecoder#decode}. */
    public Hl7Decoded decode(byte[] message) {
        return decode(message, true);
    }

    /**
     * Decodes a recorded message (a replay, start-up recovery), which was answered when it arrived:
     * as {@link #decode}, except that a message the scanner reads gets an empty {@link Hl7Decoded#ack()}
     * instead of an ACK that nobody would send.
     */
    public Hl7Decoded decodeRecorded(byte[] message) {
        return decode(message, false);
    }

    private Hl7Decoded decode(byte[] message, boolean withAck) {
        try {
            DeviceReport report = scanner.scan(message);
            byte[] ack = withAck ? ackWriter.accept(scanner.ackTemplate(ackWriter), scanner.controlId()) : NO_ACK;
            scanned++;
            return new Hl7Decoded(scanner.controlId(), scanner.messageType(), report, null, AckCode.AA, null, null, ack,
                    scanner.header());
        } catch (Fallback fallback) {
            delegated[fallback.reason().ordinal()]++;
        } catch (RuntimeException e) {
            // A fault in the scanner must not cost the message: HAPI still answers it. Only the
            // type is logged, the message may identify a patient.
            delegated[Fallback.Reason.INTERNAL.ordinal()]++;
            LOG.warn("fast HL7 scanner failed, message decoded by HAPI: {}", e.getClass().getName());
        }
        return hapi.decode(message);
    }

    /** Answers a frame that exceeded the MLLP limit; see {@link PcdMessageDecoder#oversize}. */
    public Hl7Decoded oversize(long length, byte[] head) {
        return hapi.oversize(length, head);
    }

    /** Refuses a message this decoder accepted; see {@link PcdMessageDecoder#refuse(Hl7Decoded, AckCode, String, String)}. */
    public Hl7Decoded refuse(Hl7Decoded accepted, AckCode code, String reason, String errorLocation) {
        return hapi.refuse(accepted, code, reason, errorLocation);
    }

    /** As {@link #refuse(Hl7Decoded, AckCode, String, String)} with an HL7 error code (table 0357) for ERR-3. */
    public Hl7Decoded refuse(Hl7Decoded accepted, AckCode code, String reason, String errorLocation,
                             ErrorCode errorCode) {
        return hapi.refuse(accepted, code, reason, errorLocation, errorCode);
    }

    /** Messages decoded by the scanner since this decoder was made. */
    /** MSH segments read in full rather than matched to a header kept from an earlier message. */
    long headersRead() {
        return scanner.headersRead();
    }

    public long scannedCount() {
        return scanned;
    }

    /** Messages handed to HAPI since this decoder was made. */
    public long delegatedCount() {
        long total = 0;
        for (long n : delegated) {
            total += n;
        }
        return total;
    }

    /** Messages handed to HAPI, by why (the names of the scanner's fallback reasons). */
    public Map<String, Long> delegatedByReason() {
        Map<String, Long> out = new LinkedHashMap<>();
        for (Fallback.Reason reason : Fallback.Reason.values()) {
            if (delegated[reason.ordinal()] > 0) {
                out.put(reason.name(), delegated[reason.ordinal()]);
            }
        }
        return out;
    }
}
