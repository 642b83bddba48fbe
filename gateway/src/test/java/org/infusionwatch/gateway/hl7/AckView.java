package org.infusionwatch.gateway.hl7;

import ca.uhn.hl7v2.DefaultHapiContext;
import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.parser.CanonicalModelClassFactory;
import ca.uhn.hl7v2.util.Terser;
import ca.uhn.hl7v2.validation.impl.ValidationContextFactory;
import java.nio.charset.StandardCharsets;

/** An ACK parsed back with HAPI, for assertions on its fields. */
final class AckView {

    private final Terser terser;
    private final String text;

    private AckView(Message message, String text) {
        this.terser = new Terser(message);
        this.text = text;
    }

    static AckView parse(byte[] ack) {
        String text = new String(ack, StandardCharsets.UTF_8);
        try (HapiContext context = new DefaultHapiContext()) {
            context.setValidationContext(ValidationContextFactory.noValidation());
            context.setModelClassFactory(new CanonicalModelClassFactory("2.6"));
            return new AckView(context.getPipeParser().parse(text), text);
        } catch (Exception e) {
            throw new AssertionError("ACK does not parse with HAPI: " + text.replace('\r', '\n'), e);
        }
    }

    /** A Terser path, e.g. {@code MSA-2} or {@code ERR-2-3}; empty string when absent. */
    String get(String path) {
        try {
            String value = terser.get(path);
            return value == null ? "" : value;
        } catch (HL7Exception e) {
            throw new AssertionError("no " + path + " in ACK", e);
        }
    }

    String text() {
        return text;
    }
}
