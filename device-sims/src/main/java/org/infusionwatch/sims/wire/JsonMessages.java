package org.infusionwatch.sims.wire;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import org.infusionwatch.sims.model.ClinicianEntry;
import org.infusionwatch.sims.model.DeviceSample;
import org.infusionwatch.sims.model.ObsKind;
import org.infusionwatch.sims.model.ObsValue;
import org.infusionwatch.sims.model.Observation;
import org.infusionwatch.sims.model.PumpEvent;

/**
 * Writes device reports and clinician entries as the MQTT JSON payloads of
 * {@code docs/wire-formats.md} (UTF-8). A streaming generator keeps the field order and writes
 * numbers exactly as the model holds them ({@code 40}, not {@code 40.0} or {@code 4E+1}).
 *
 * <p>Threading: thread-safe.
 */
public final class JsonMessages {

    private final JsonFactory json = new JsonFactory();

    /** {@code {"msgId", "time", "obs": [...], "event"?}} */
    public byte[] observations(DeviceSample sample) {
        return write(g -> {
            g.writeStartObject();
            g.writeStringField("msgId", sample.messageId());
            g.writeStringField("time", isoTime(sample.timeMs()));
            g.writeArrayFieldStart("obs");
            for (Observation obs : sample.observations()) {
                writeObservation(g, obs);
            }
            g.writeEndArray();
            if (sample.event().isPresent()) {
                writeEvent(g, sample.event().get());
            }
            g.writeEndObject();
        });
    }

    /** {@code {"entryId", "type", "time", "by", "note"}} */
    public byte[] entry(ClinicianEntry entry) {
        return write(g -> {
            g.writeStartObject();
            g.writeStringField("entryId", entry.entryId());
            g.writeStringField("type", entry.type());
            g.writeStringField("time", isoTime(entry.timeMs()));
            g.writeStringField("by", entry.by());
            g.writeStringField("note", entry.note());
            g.writeEndObject();
        });
    }

    private static void writeObservation(JsonGenerator g, Observation obs) throws IOException {
        g.writeStartObject();
        g.writeNumberField("code", obs.term().code());
        g.writeStringField("refId", obs.term().refId());
        g.writeFieldName("value");
        if (obs.value() instanceof ObsValue.Numeric numeric) {
            g.writeNumber(numeric.plain());
        } else if (obs.value() instanceof ObsValue.Text text) {
            g.writeString(text.value());
        } else {
            ObsValue.Coded coded = (ObsValue.Coded) obs.value();
            g.writeString(coded.code().isEmpty() ? coded.text() : coded.code());
        }
        if (obs.unit() != null) {
            g.writeStringField("unit", obs.unit().refId());
        }
        // "measurement" is the default kind, so like the spec's example it is left out.
        if (obs.kind() == ObsKind.SETTING) {
            g.writeStringField("kind", "setting");
        }
        g.writeEndObject();
    }

    private static void writeEvent(JsonGenerator g, PumpEvent event) throws IOException {
        g.writeObjectFieldStart("event");
        g.writeNumberField("code", event.event().code());
        g.writeStringField("refId", event.event().refId());
        g.writeStringField("drug", event.drugLabel());
        g.writeFieldName("rateMlPerHour");
        g.writeNumber(plain(event.rateMlPerHour()));
        g.writeFieldName("weightKg");
        g.writeNumber(plain(event.weightKg()));
        g.writeEndObject();
    }

    private static String plain(BigDecimal value) {
        return new ObsValue.Numeric(value).plain();
    }

    private static String isoTime(long epochMs) {
        return Instant.ofEpochMilli(epochMs).toString();
    }

    private byte[] write(JsonBody body) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(512);
        try (JsonGenerator g = json.createGenerator(bytes, JsonEncoding.UTF8)) {
            body.writeTo(g);
        } catch (IOException e) {
            throw new UncheckedIOException("writing JSON to memory failed", e);
        }
        return bytes.toByteArray();
    }

    @FunctionalInterface
    private interface JsonBody {
        void writeTo(JsonGenerator g) throws IOException;
    }
}
