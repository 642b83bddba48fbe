package org.infusionwatch.sims.wire;

import ca.uhn.hl7v2.DefaultHapiContext;
import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.util.Terser;

/** Parses what the writers produce with HAPI (default validation), as an independent reader. */
final class Hl7Parsing {

    // One context for the test JVM: it holds only parser configuration, and creating one is slow.
    private static final HapiContext HAPI = new DefaultHapiContext();

    private Hl7Parsing() {
    }

    static Terser parse(String message) throws HL7Exception {
        return new Terser(HAPI.getPipeParser().parse(message));
    }
}
