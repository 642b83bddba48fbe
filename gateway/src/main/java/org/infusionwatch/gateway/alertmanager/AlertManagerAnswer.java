package org.infusionwatch.gateway.alertmanager;

import ca.uhn.hl7v2.DefaultHapiContext;
import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.parser.PipeParser;
import ca.uhn.hl7v2.util.Terser;
import ca.uhn.hl7v2.validation.impl.ValidationContextFactory;
import java.nio.charset.StandardCharsets;

/**
 * The alert manager's acknowledgement of one message, read with HAPI: MSA-1 (AA, AE, AR, or in
 * enhanced mode CA, CE, CR), MSA-2 (the control id it answers) and the error text, if any (ERR-8,
 * else MSA-3).
 */
record AlertManagerAnswer(String code, String controlId, String text) {

    /** The message was taken. */
    boolean accepted() {
        return "AA".equals(code) || "CA".equals(code);
    }

    /**
     * The message was refused for good: AE (an error in what it says) or CR (its type, version or
     * processing id is not accepted). Sending it again would be refused again. AR and CE may be
     * passing (the receiver is busy or out of sequence), so they are neither this nor accepted.
     */
    boolean refused() {
        return "AE".equals(code) || "CR".equals(code);
    }

    /** Reads an answer; anything that is not an HL7 ACK with MSA-1 is a failed exchange, not an answer. */
    static AlertManagerAnswer read(byte[] payload, PipeParser parser) throws HL7Exception {
        Message m = parser.parse(new String(payload, StandardCharsets.UTF_8));
        Terser t = new Terser(m);
        String code = t.get("/.MSA-1");
        if (code == null || code.isBlank()) {
            throw new HL7Exception("the answer has no MSA-1");
        }
        String text = errorText(t);
        return new AlertManagerAnswer(code.trim(), t.get("/.MSA-2"), text);
    }

    private static String errorText(Terser t) {
        try {
            String err = t.get("/.ERR-8");
            if (err != null && !err.isBlank()) {
                return err;
            }
        } catch (HL7Exception e) {
            // no ERR segment: fall through to MSA-3
        }
        try {
            return t.get("/.MSA-3");
        } catch (HL7Exception e) {
            return null;
        }
    }

    /** A lenient parser for answers: a receiver's ACK need not pass HAPI's validation to be understood. */
    static PipeParser parser() {
        HapiContext context = new DefaultHapiContext();
        context.setValidationContext(ValidationContextFactory.noValidation());
        return context.getPipeParser();
    }
}
