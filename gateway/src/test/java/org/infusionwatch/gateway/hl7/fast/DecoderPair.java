package org.infusionwatch.gateway.hl7.fast;

import ca.uhn.hl7v2.DefaultHapiContext;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.parser.CanonicalModelClassFactory;
import ca.uhn.hl7v2.util.Terser;
import ca.uhn.hl7v2.validation.impl.ValidationContextFactory;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.infusionwatch.gateway.hl7.Hl7Decoded;
import org.infusionwatch.gateway.hl7.PcdMessageDecoder;

/**
 * The HAPI decoder (the oracle) and the fast decoder side by side, on the same fixed clock. For each
 * message both answers must agree: ACK code, control id, message type, report (record equality,
 * observation order included) or clinician entry, reason, error location, ACK header, and the ACK bytes themselves
 * apart from MSH-10 (each writer numbers its own ACKs). Not thread-safe.
 */
final class DecoderPair {

    static final Instant NOW = Instant.parse("2026-11-22T12:00:00.123Z");

    private final PcdMessageDecoder hapi = new PcdMessageDecoder(Clock.fixed(NOW, ZoneOffset.UTC), "INFUSIONWATCH");
    private final FastPcdDecoder fast = new FastPcdDecoder(Clock.fixed(NOW, ZoneOffset.UTC), "INFUSIONWATCH");
    private final HapiContext ackContext = new DefaultHapiContext();
    private final List<String> differences = new ArrayList<>();
    private long compared;
    private long scanned;

    DecoderPair() {
        ackContext.setValidationContext(ValidationContextFactory.noValidation());
        ackContext.setModelClassFactory(new CanonicalModelClassFactory("2.6"));
    }

    /** Decodes with both; records a difference (with the message) when they disagree. */
    Hl7Decoded compare(String label, byte[] message) {
        long before = fast.scannedCount();
        Hl7Decoded expected = hapi.decode(message);
        Hl7Decoded actual = fast.decode(message);
        compared++;
        boolean wasScanned = fast.scannedCount() > before;
        if (wasScanned) {
            scanned++;
        }
        String difference = difference(expected, actual, wasScanned);
        if (difference != null) {
            differences.add(label + (wasScanned ? " [scanned]" : " [delegated]") + ": " + difference
                    + "\n    message: " + printable(message));
        }
        return actual;
    }

    List<String> differences() {
        return differences;
    }

    long compared() {
        return compared;
    }

    /** Messages the fast decoder answered itself. */
    long scanned() {
        return scanned;
    }

    FastPcdDecoder fast() {
        return fast;
    }

    private String difference(Hl7Decoded expected, Hl7Decoded actual, boolean scannedFast) {
        if (expected.ackCode() != actual.ackCode()) {
            return "ack code " + actual.ackCode() + ", HAPI " + expected.ackCode() + " (" + expected.reason() + " at "
                    + expected.errorLocation() + ")";
        }
        if (!Objects.equals(expected.report(), actual.report())) {
            return "report\n    fast: " + actual.report() + "\n    HAPI: " + expected.report();
        }
        if (!Objects.equals(expected.entry(), actual.entry())) {
            return "entry\n    fast: " + actual.entry() + "\n    HAPI: " + expected.entry();
        }
        if (!expected.controlId().equals(actual.controlId()) || !expected.messageType().equals(actual.messageType())) {
            return "control id / type " + actual.controlId() + " " + actual.messageType() + ", HAPI "
                    + expected.controlId() + " " + expected.messageType();
        }
        if (!Objects.equals(expected.reason(), actual.reason())
                || !Objects.equals(expected.errorLocation(), actual.errorLocation())) {
            return "refusal " + actual.reason() + " at " + actual.errorLocation() + ", HAPI " + expected.reason()
                    + " at " + expected.errorLocation();
        }
        if (!expected.header().equals(actual.header())) {
            return "ack header " + actual.header() + ", HAPI " + expected.header();
        }
        String expectedAck = withoutControlId(expected.ack());
        String actualAck = withoutControlId(actual.ack());
        if (!expectedAck.equals(actualAck)) {
            return "ack\n    fast: " + printable(actualAck) + "\n    HAPI: " + printable(expectedAck);
        }
        if (scannedFast) {
            return ackParsesBack(actual);
        }
        return null;
    }

    /** The fast ACK read back by HAPI: MSH-9, MSA-1 and MSA-2 as the decoder says. */
    private String ackParsesBack(Hl7Decoded decoded) {
        try {
            Message ack = ackContext.getPipeParser().parse(new String(decoded.ack(), decoded.header().charset()));
            Terser terser = new Terser(ack);
            String msa1 = terser.get("MSA-1");
            String msa2 = Objects.toString(terser.get("MSA-2"), "");
            String trigger = terser.get("MSH-9-2");
            if (!"AA".equals(msa1) || !decoded.controlId().equals(msa2)
                    || !decoded.messageType().endsWith("^" + trigger)) {
                return "ack read back by HAPI: MSA-1 " + msa1 + ", MSA-2 " + msa2 + ", MSH-9-2 " + trigger;
            }
            return null;
        } catch (Exception e) {
            return "ack does not parse with HAPI: " + e;
        }
    }

    /** The ACK with MSH-10 blanked (field 10 of the first segment). */
    static String withoutControlId(byte[] ack) {
        String text = new String(ack, StandardCharsets.ISO_8859_1);
        int segmentEnd = text.indexOf('\r');
        String[] fields = text.substring(0, segmentEnd).split("\\|", -1);
        if (fields.length > 9) {
            fields[9] = "#";
        }
        return String.join("|", fields) + text.substring(segmentEnd);
    }

    static String printable(byte[] message) {
        return printable(new String(message, StandardCharsets.ISO_8859_1));
    }

    static String printable(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (c == '\r') {
                out.append("<CR>");
            } else if (c == '\n') {
                out.append("<LF>");
            } else if (c < 0x20 || c > 0x7E) {
                out.append(String.format("<%02X>", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
