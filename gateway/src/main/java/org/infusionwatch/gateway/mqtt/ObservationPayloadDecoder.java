package org.infusionwatch.gateway.mqtt;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.infusionwatch.agent.model.DeviceReport;
import org.infusionwatch.gateway.BedRefCache;

/**
 * Reads a device's JSON report from {@code icu/{unit}/{bed}/{device}/obs} (schema in
 * docs/wire-formats.md) into the same {@link DeviceReport} an HL7 message gives.
 *
 * <p>The payload is streamed ({@link ObservationReportReader}) rather than built into a
 * {@code JsonNode} tree, and times are read by {@link IsoInstants} rather than
 * {@code Instant.parse}: in a replay those two took a fifth of the time. What is accepted, what
 * is refused (with the same reasons) and what is read are the tree decoder's;
 * ObservationPayloadDecoderDifferentialTest holds the two together.
 *
 * <p>Thread-safe (MQTT ingest calls it from Paho's threads): the parser factory is shared, and
 * each thread has its own reader, reused from payload to payload so that only the parser and the
 * report itself are allocated per message, and its own cache of bed references.
 */
public final class ObservationPayloadDecoder {
    private final JsonFactory json;
    private final ThreadLocal<ObservationReportReader> readers = ThreadLocal.withInitial(ObservationReportReader::new);
    /** One reference per bed and thread, so that the engine meets a bed it knows (see {@link BedRefCache}). */
    private final ThreadLocal<BedRefCache> beds = ThreadLocal.withInitial(() -> new BedRefCache(BedRefCache.PER_BROKER));

    /** @param json only its parser factory (and so its parser features) is used */
    public ObservationPayloadDecoder(ObjectMapper json) {
        this.json = json.getFactory();
    }

    public DeviceReport decode(String topic, byte[] payload) throws PayloadException {
        ObservationTopic source = ObservationTopic.parse(topic, beds.get());
        ObservationReportReader reader = readers.get();
        reader.read(json, payload, source.device());
        if (reader.observationTimesNeedReportTime()) {
            reader.readAgainWithReportTime(json, payload);
        }
        return reader.toReport(source.bed());
    }
}
