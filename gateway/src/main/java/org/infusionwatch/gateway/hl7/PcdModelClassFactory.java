package org.infusionwatch.gateway.hl7;

import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.parser.CanonicalModelClassFactory;

/**
 * Reads every HL7 version with the v2.6 structures (the only ones on the class path) and reads
 * IHE PCD-04 {@code ORU_R40}, which has no HAPI structure, and {@code ORU^R42} sent without
 * MSH-9-3 as {@code ORU_R01}: all three share the grammar MSH PID PV1 OBR {OBX}.
 *
 * <p>Stateless after construction; safe to share.
 */
final class PcdModelClassFactory extends CanonicalModelClassFactory {

    PcdModelClassFactory() {
        super("2.6");
    }

    @Override
    public Class<? extends Message> getMessageClass(String name, String version, boolean isExplicit)
            throws HL7Exception {
        boolean oruLike = "ORU_R40".equals(name) || "ORU_R42".equals(name);
        return super.getMessageClass(oruLike ? "ORU_R01" : name, version, isExplicit);
    }
}
