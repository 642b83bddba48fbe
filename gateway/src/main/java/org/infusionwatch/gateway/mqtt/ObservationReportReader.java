package org.infusionwatch.gateway.mqtt;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.infusionwatch.agent.model.BedRef;
import org.infusionwatch.agent.model.DeviceReport;
import org.infusionwatch.agent.model.Observation;
import org.infusionwatch.agent.model.PumpEvent;
import org.infusionwatch.agent.model.ReportKind;

/**
 * Reads an observation payload with a streaming parser, key by key, without a tree.
 *
 * <p>It still answers as the tree decoder did, which means two things a naive streaming reader
 * gets wrong. First, the whole payload is read before anything is refused: the tree decoder saw
 * broken JSON anywhere before any missing field, and checked the fields in a fixed order
 * ({@code msgId}, {@code time}, {@code obs} in order, {@code event}) whatever the order of the
 * keys. Second, a key may come twice, and then, as in a tree, the last one counts.
 *
 * <p>An observation without a time of its own takes the report's {@code time}, which may come after
 * {@code obs} (or come again after it). Observations are built as they are read, with the report's
 * time as known at that point; when that turns out not to be the report's final time, the payload
 * is read a second time knowing it ({@link #readAgainWithReportTime}). Devices put {@code time}
 * first, so that second reading is for odd payloads only.
 *
 * <p>Reused payload after payload (each {@link #read} forgets the last one), so its field holders,
 * list and {@link RecentTexts} are made once. Not thread-safe: the decoder keeps one per thread,
 * and nothing of it escapes a call ({@code DeviceReport} copies the list).
 */
final class ObservationReportReader {
    private final RecentTexts texts = new RecentTexts();
    private final ObservationFields observationFields = new ObservationFields(texts);
    private final PumpEventFields eventFields = new PumpEventFields(texts);

    private String device;
    private boolean reportTimeGiven;
    private long givenReportTime;

    /** The last {@code msgId} as text, null when it cannot be one (missing, null, a container, blank). */
    private String msgId;
    private final TimeField time = new TimeField();

    private boolean obsNotArray;
    private final List<Observation> observations = new ArrayList<>();
    /** The first element of {@code obs} that cannot be read; the rest are only checked for syntax. */
    private PayloadException observationRefusal;
    /** Whether an observation took the report's time, and which: known or not when {@code obs} was read. */
    private boolean observationsTookReportTime;
    private boolean reportTimeKnownForObservations;
    private long reportTimeForObservations;

    private boolean hasEvent;

    /** Reads a payload; observations without a time take the report's as far as it is known when they are read. */
    void read(JsonFactory json, byte[] payload, String deviceId) throws PayloadException {
        this.device = deviceId;
        this.reportTimeGiven = false;
        readPayload(json, payload);
    }

    /** Reads the same payload again, knowing the report's time from the first reading. */
    void readAgainWithReportTime(JsonFactory json, byte[] payload) throws PayloadException {
        this.givenReportTime = time.millis();
        this.reportTimeGiven = true;
        readPayload(json, payload);
    }

    /**
     * True when an observation took a time other than the report's final {@code time}: the payload
     * must be read again with {@link #readAgainWithReportTime}. False when the report's time is
     * unusable, which {@link #toReport} refuses before it looks at any observation.
     */
    boolean observationTimesNeedReportTime() {
        return observationsTookReportTime && time.isRead()
                && !(reportTimeKnownForObservations && reportTimeForObservations == time.millis());
    }

    private void forgetPayload() {
        msgId = null;
        time.clear();
        obsNotArray = false;
        observations.clear();
        observationRefusal = null;
        observationsTookReportTime = false;
        hasEvent = false;
    }

    private void readPayload(JsonFactory json, byte[] payload) throws PayloadException {
        forgetPayload();
        try (JsonParser p = json.createParser(payload)) {
            JsonToken first = p.nextToken();
            if (first != JsonToken.START_OBJECT) {
                if (first != null) {
                    // The tree decoder read the whole value before finding it was not an object.
                    TreeLikeTokens.skipValue(p);
                }
                throw new PayloadException("payload is not a JSON object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                p.nextToken();
                switch (name) {
                    case "msgId" -> readMessageId(p);
                    case "time" -> time.read(p);
                    case "obs" -> readObservations(p);
                    case "event" -> readEvent(p);
                    default -> TreeLikeTokens.skipValue(p);
                }
            }
            // Whatever follows the object is never read, as with ObjectMapper.readTree.
        } catch (IOException e) {
            throw new PayloadException("payload is not valid JSON");
        }
    }

    private void readMessageId(JsonParser p) throws IOException {
        // Not through RecentTexts: every message has its own id.
        String text = TreeLikeTokens.asText(p);
        msgId = text == null || text.isBlank() ? null : text;
    }

    private void readObservations(JsonParser p) throws IOException {
        observations.clear();
        observationRefusal = null;
        observationsTookReportTime = false;
        JsonToken token = p.currentToken();
        obsNotArray = token != JsonToken.VALUE_NULL && token != JsonToken.START_ARRAY;
        if (token != JsonToken.START_ARRAY) {
            TreeLikeTokens.skipValue(p);
            return;
        }
        reportTimeKnownForObservations = reportTimeGiven || time.isRead();
        reportTimeForObservations = reportTimeGiven ? givenReportTime : time.millis();
        int index = 0;
        while ((token = p.nextToken()) != JsonToken.END_ARRAY) {
            if (observationRefusal != null) {
                TreeLikeTokens.skipValue(p);
            } else if (token != JsonToken.START_OBJECT) {
                TreeLikeTokens.skipValue(p);
                observationRefusal = new PayloadException("obs[" + index + "] is not an object");
            } else {
                observationFields.read(p);
                try {
                    observations.add(observationFields.toObservation(index, reportTimeForObservations, device));
                    observationsTookReportTime |= observationFields.takesReportTime();
                } catch (PayloadException e) {
                    observationRefusal = e;
                }
            }
            index++;
        }
    }

    private void readEvent(JsonParser p) throws IOException {
        hasEvent = p.currentToken() != JsonToken.VALUE_NULL;
        if (hasEvent) {
            eventFields.read(p);
        }
    }

    /** The report, or the first refusal in the tree decoder's order of checks. */
    DeviceReport toReport(BedRef bed) throws PayloadException {
        if (msgId == null) {
            throw new PayloadException("field 'msgId' is missing or empty");
        }
        long reportTime = time.required("time");
        if (obsNotArray) {
            throw new PayloadException("field 'obs' must be an array");
        }
        if (observationRefusal != null) {
            throw observationRefusal;
        }
        PumpEvent pumpEvent = hasEvent ? eventFields.toPumpEvent(reportTime) : null;
        if (observations.isEmpty() && pumpEvent == null) {
            throw new PayloadException("payload has neither 'obs' nor 'event'");
        }
        ReportKind kind = pumpEvent != null ? ReportKind.PUMP_EVENT : ReportKind.OBSERVATIONS;
        return new DeviceReport(msgId, kind, bed, device, reportTime, observations, pumpEvent);
    }
}
