package org.infusionwatch.gateway.http;

import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.LinkedHashMap;
import java.util.Map;
import org.infusionwatch.agent.pipeline.AckHandle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers an HTTP request once the input it carried is durable in the journal, like the MLLP ACK
 * and the MQTT PUBACK: {@code status} with the body and the journal sequence, or 503 when the
 * journal could not store it (nothing happened; the person may try again). Called on the journal
 * thread; it only hands the answer to the channel.
 */
final class DurableReply implements AckHandle {
    private static final Logger LOG = LoggerFactory.getLogger(DurableReply.class);

    private final Exchange exchange;
    private final HttpResponseStatus status;
    private final Map<String, Object> body;
    private final Runnable onFailure;

    DurableReply(Exchange exchange, HttpResponseStatus status, Map<String, Object> body, Runnable onFailure) {
        this.exchange = exchange;
        this.status = status;
        this.body = new LinkedHashMap<>(body);
        this.onFailure = onFailure;
    }

    @Override
    public void durable(long journalSeq) {
        body.put("journalSeq", journalSeq);
        exchange.json(status, body);
    }

    @Override
    public void failed(Throwable cause) {
        LOG.error("input from {} not stored in the journal", exchange.path());
        onFailure.run();
        exchange.error(HttpResponseStatus.SERVICE_UNAVAILABLE, "not stored: the journal failed; please try again");
    }
}
