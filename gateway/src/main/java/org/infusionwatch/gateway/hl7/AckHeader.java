package org.infusionwatch.gateway.hl7;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * What an ACK needs from the header of the message it answers. Immutable.
 *
 * @param sendingApplication components of the message's MSH-3 (become the ACK's MSH-5)
 * @param sendingFacility    components of MSH-4 (become MSH-6)
 * @param receivingFacility  components of MSH-6, the facility the sender addressed (become MSH-4)
 * @param triggerEvent       MSH-9 component 2, e.g. {@code R01}; empty if unknown
 * @param processingId       MSH-11 component 1, {@code P} if absent
 * @param version            MSH-12 when it names a known HL7 version, else {@code 2.6}
 * @param charset            charset of the message (MSH-18), used for the ACK bytes as well
 */
public record AckHeader(
        List<String> sendingApplication,
        List<String> sendingFacility,
        List<String> receivingFacility,
        String triggerEvent,
        String processingId,
        String version,
        Charset charset) {

    /** Header used when nothing of the message could be read. */
    public static final AckHeader UNKNOWN =
            new AckHeader(List.of(), List.of(), List.of(), "", "P", "2.6", StandardCharsets.UTF_8);

    public AckHeader {
        sendingApplication = List.copyOf(sendingApplication);
        sendingFacility = List.copyOf(sendingFacility);
        receivingFacility = List.copyOf(receivingFacility);
        Objects.requireNonNull(triggerEvent, "triggerEvent");
        Objects.requireNonNull(processingId, "processingId");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(charset, "charset");
    }
}
