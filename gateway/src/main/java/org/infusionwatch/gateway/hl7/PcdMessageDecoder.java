package org.infusionwatch.gateway.hl7;

import ca.uhn.hl7v2.DefaultHapiContext;
import ca.uhn.hl7v2.ErrorCode;
import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.model.Segment;
import ca.uhn.hl7v2.parser.PipeParser;
import ca.uhn.hl7v2.validation.impl.ValidationContextFactory;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import org.infusionwatch.agent.model.ClinicianEntry;
import org.infusionwatch.agent.model.DeviceReport;
import org.infusionwatch.agent.model.ReportKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decodes IHE PCD HL7 v2 messages (PCD-01 {@code ORU^R01}, PCD-10 {@code ORU^R42}, PCD-04
 * {@code ORU^R40}) into {@link DeviceReport}s, and charting systems' clinician entries
 * ({@code ORU^R01} whose OBR-4 is {@code IW_ENTRY}) into {@link ClinicianEntry}s, with HAPI, and
 * builds the ACK for each, as docs/wire-formats.md describes. Never throws on bad input: everything is answered with an
 * {@link Hl7Decoded} carrying AA, AE or AR.
 *
 * <p>Nothing of the message content is logged or put in reasons, only field names and HAPI's
 * parse diagnostics (shortened, without message excerpts), since PID may identify a patient.
 *
 * <p><b>Not thread-safe</b>: it holds a HAPI parser and numbers its ACKs. Use one instance per
 * connection (or per thread), e.g. one per MLLP channel on its event loop.
 */
public final class PcdMessageDecoder {

    /** Frame limit assumed by {@link #oversize} when the two-argument constructor is used. */
    public static final int DEFAULT_MAX_MESSAGE_BYTES = 1024 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(PcdMessageDecoder.class);
    private static final int MAX_REASON_CHARS = 200;

    private final PipeParser parser;
    private final AckWriter ackWriter;
    private final int maxMessageBytes;

    /**
     * @param clock                time source for ACK timestamps (MSH-7)
     * @param receivingApplication our name, sent as MSH-3 of every ACK, e.g. {@code INFUSIONWATCH}
     */
    public PcdMessageDecoder(Clock clock, String receivingApplication) {
        this(clock, receivingApplication, DEFAULT_MAX_MESSAGE_BYTES);
    }

    /**
     * @param maxMessageBytes the MLLP frame limit, quoted in the reason of {@link #oversize}
     */
    public PcdMessageDecoder(Clock clock, String receivingApplication, int maxMessageBytes) {
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(receivingApplication, "receivingApplication");
        HapiContext context = new DefaultHapiContext();
        context.setValidationContext(ValidationContextFactory.noValidation());
        context.setModelClassFactory(new PcdModelClassFactory());
        // An OBX-5 without (or with an unknown) OBX-2 is kept as text rather than refusing the message.
        context.getParserConfiguration().setDefaultObx2Type("ST");
        context.getParserConfiguration().setInvalidObx2Type("ST");
        this.parser = context.getPipeParser();
        this.ackWriter = new AckWriter(parser, clock, receivingApplication);
        this.maxMessageBytes = maxMessageBytes;
    }

    /**
     * Decodes one message (the payload of an MLLP frame). The charset comes from MSH-18
     * ({@code 8859/1} is ISO-8859-1, anything else UTF-8).
     */
    public Hl7Decoded decode(byte[] message) {
        MshHeader header = null;
        try {
            String text = normalise(new String(message, MshHeader.charsetOf(message)));
            header = MshHeader.read(text);
            if (header == null || !header.startsMessage()) {
                throw Hl7Refusal.reject(ErrorCode.SEGMENT_SEQUENCE_ERROR, "not an HL7 v2 message");
            }
            ReportKind kind = kindOf(header);
            List<Segment> segments = PcdReportReader.segments(parse(text));
            if (kind == ReportKind.OBSERVATIONS && EntryReader.isEntry(segments)) {
                return accepted(header, null, EntryReader.read(segments, header.controlId()));
            }
            return accepted(header, PcdReportReader.read(segments, header.controlId(), kind), null);
        } catch (Hl7Refusal refusal) {
            return refused(header, refusal);
        } catch (RuntimeException e) {
            // The exception text may quote the message, so only its type is logged.
            LOG.warn("HL7 message {} could not be decoded: {}", controlId(header), e.getClass().getName());
            return refused(header, Hl7Refusal.error(ErrorCode.APPLICATION_INTERNAL_ERROR,
                    "internal error while decoding the message", null));
        }
    }

    private Hl7Decoded accepted(MshHeader header, DeviceReport report, ClinicianEntry entry) {
        return new Hl7Decoded(header.controlId(), header.messageType(), report, entry, AckCode.AA, null, null,
                ackWriter.write(header.ack(), header.controlId(), AckCode.AA, null, null, null), header.ack());
    }

    /** Answers a frame that exceeded the MLLP limit: AR, MSA-2 from the head's MSH-10 when readable. */
    public Hl7Decoded oversize(long length, byte[] head) {
        MshHeader header = null;
        try {
            header = MshHeader.read(normalise(new String(head, MshHeader.charsetOf(head))));
        } catch (RuntimeException e) {
            LOG.debug("no readable MSH in the head of an oversize message: {}", e.getClass().getName());
        }
        return refused(header, Hl7Refusal.reject(ErrorCode.APPLICATION_INTERNAL_ERROR,
                "message too large (" + length + " bytes, max " + maxMessageBytes + ")"));
    }

    /**
     * Refuses a message this decoder accepted, e.g. AE when the gateway knows no bed for the
     * device. The ACK is rebuilt for the same message; the report is dropped.
     */
    public Hl7Decoded refuse(Hl7Decoded accepted, AckCode code, String reason, String errorLocation) {
        return refuse(accepted, code, reason, errorLocation, ErrorCode.APPLICATION_INTERNAL_ERROR);
    }

    /** As {@link #refuse(Hl7Decoded, AckCode, String, String)} with an HL7 error code (table 0357) for ERR-3. */
    public Hl7Decoded refuse(Hl7Decoded accepted, AckCode code, String reason, String errorLocation,
                             ErrorCode errorCode) {
        if (code == AckCode.AA) {
            throw new IllegalArgumentException("refuse needs AE or AR, was AA");
        }
        byte[] ack = ackWriter.write(accepted.header(), accepted.controlId(), code, reason, errorLocation,
                errorCode);
        return new Hl7Decoded(accepted.controlId(), accepted.messageType(), null, null, code, reason, errorLocation,
                ack, accepted.header());
    }

    private Hl7Decoded refused(MshHeader header, Hl7Refusal refusal) {
        AckHeader ackHeader = header == null ? AckHeader.UNKNOWN : header.ack();
        String controlId = controlId(header);
        byte[] ack = ackWriter.write(ackHeader, controlId, refusal.ackCode(), refusal.reason(),
                refusal.errorLocation(), refusal.errorCode());
        return new Hl7Decoded(controlId, header == null ? "" : header.messageType(), null, null, refusal.ackCode(),
                refusal.reason(), refusal.errorLocation(), ack, ackHeader);
    }

    private static ReportKind kindOf(MshHeader header) throws Hl7Refusal {
        if ("ORU".equals(header.messageCode())) {
            switch (header.triggerEvent()) {
                case "R01": return ReportKind.OBSERVATIONS;
                case "R42": return ReportKind.PUMP_EVENT;
                case "R40": return ReportKind.ALARM;
                default: break;
            }
        }
        String type = header.messageType().isEmpty() ? "(MSH-9 empty)" : header.messageType();
        throw Hl7Refusal.reject(ErrorCode.UNSUPPORTED_MESSAGE_TYPE, "unsupported message type " + type);
    }

    private Message parse(String text) throws Hl7Refusal {
        try {
            return parser.parse(text);
        } catch (HL7Exception e) {
            ErrorCode code = e.getError() == null ? ErrorCode.APPLICATION_INTERNAL_ERROR : e.getError();
            throw Hl7Refusal.reject(code, "HL7 parse error: " + shorten(e.getMessage()));
        }
    }

    /** HAPI's text, cut before any excerpt of the message it may quote, and bounded. */
    private static String shorten(String hapiMessage) {
        String text = hapiMessage == null ? "unknown" : hapiMessage;
        int excerpt = text.indexOf("The following is the first");
        if (excerpt >= 0) {
            text = text.substring(0, excerpt);
        }
        text = text.replaceAll("[\\r\\n]+", " ").trim();
        return text.length() > MAX_REASON_CHARS ? text.substring(0, MAX_REASON_CHARS) + "..." : text;
    }

    /** Drops a byte-order mark and leading blank lines; LF and CRLF become the HL7 segment end CR. */
    private static String normalise(String text) {
        int start = 0;
        while (start < text.length()
                && (text.charAt(start) == '\uFEFF' || Character.isWhitespace(text.charAt(start)))) {
            start++;
        }
        return text.substring(start).replace("\r\n", "\r").replace('\n', '\r');
    }

    private static String controlId(MshHeader header) {
        return header == null ? "" : header.controlId();
    }
}
