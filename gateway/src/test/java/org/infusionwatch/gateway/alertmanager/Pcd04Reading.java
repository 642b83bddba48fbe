package org.infusionwatch.gateway.alertmanager;

import ca.uhn.hl7v2.DefaultHapiContext;
import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.parser.CanonicalModelClassFactory;
import ca.uhn.hl7v2.util.Terser;
import ca.uhn.hl7v2.validation.impl.ValidationContextFactory;

/**
 * A PCD-04 message as HAPI reads it. HAPI has no ORU_R40 structure; this reads it with v2.6's
 * ORU_R01, whose segment grammar PCD-04 shares, and with HAPI's default validation on, so a field
 * HAPI finds malformed fails the test.
 */
final class Pcd04Reading {
    private final Terser terser;

    private Pcd04Reading(Message message) {
        this.terser = new Terser(message);
    }

    static Pcd04Reading of(String text) throws HL7Exception {
        HapiContext context = new DefaultHapiContext(new CanonicalModelClassFactory("2.6") {
            @Override
            public Class<? extends Message> getMessageClass(String name, String version, boolean isExplicit)
                    throws HL7Exception {
                return super.getMessageClass("ORU_R40".equals(name) ? "ORU_R01" : name, version, isExplicit);
            }
        });
        context.setValidationContext(ValidationContextFactory.defaultValidation());
        return new Pcd04Reading(context.getPipeParser().parse(text));
    }

    String get(String path) throws HL7Exception {
        return terser.get(path);
    }

    /** OBX-{field}-{component} of the n-th (from 0) observation. */
    String obx(int n, int field, int component) throws HL7Exception {
        return terser.get("/PATIENT_RESULT/ORDER_OBSERVATION/OBSERVATION(" + n + ")/OBX-" + field + "-" + component);
    }

    /** The value (OBX-5) of the observation whose OBX-3 code is {@code code}. */
    String attribute(String code) throws HL7Exception {
        for (int n = 0; n < 20; n++) {
            if (code.equals(obx(n, 3, 1))) {
                return obx(n, 5, 1);
            }
        }
        return null;
    }
}
