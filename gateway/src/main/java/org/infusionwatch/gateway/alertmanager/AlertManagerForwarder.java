package org.infusionwatch.gateway.alertmanager;

import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.parser.PipeParser;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.infusionwatch.agent.eventlog.DeliveryLedger;
import org.infusionwatch.agent.model.AgentNotice;
import org.infusionwatch.agent.model.Alert;
import org.infusionwatch.agent.model.AlertChange;
import org.infusionwatch.agent.model.Priority;
import org.infusionwatch.agent.ports.NoticeSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends every alert, and every change of one, to the hospital's alert manager as IHE PCD-04
 * ({@link AlertReportWriter}) over MLLP, in the order the agent produced them, one at a time, each
 * after the previous one's ACK. What the alert manager accepted (AA or CA) is written in a
 * delivery ledger of its own ({@value #LEDGER_FILE}); what it refused for its content (AE, CE) is
 * logged as an error and counted, and not sent again; anything else (AR, CR, no answer, no
 * connection) is sent again, with the same control id, after a wait that doubles up to a limit.
 * So a raised alert reaches the alert manager at least once while the gateway runs, however long
 * the alert manager is away.
 *
 * <p>After a restart, {@link #resendUnconfirmed} takes the event log's recent notices and queues
 * those the ledger does not hold, so an alert raised while the alert manager was away and the
 * gateway then restarted still goes out. The alert manager may see a message twice (a crash
 * between its ACK and the ledger's write); OBR-3 (the alert's id) and the phase say it is the same.
 *
 * <p>Threading: {@link #onNotice} is called on the agent's output thread and only queues; the
 * forwarder's own thread ({@code alert-manager}) does the rest. No patient data is logged: a
 * message is named by its alert's id and event.
 */
public final class AlertManagerForwarder implements NoticeSink, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AlertManagerForwarder.class);
    /** The alert manager's confirmations, beside the event log. */
    public static final String LEDGER_FILE = "alert-manager-deliveries.db";

    private final AlertReportWriter writer;
    private final AlertManagerLink link;
    private final DeliveryLedger ledger;
    private final LongSupplier clockMs;
    private final long firstRetryMs;
    private final long maxRetryMs;
    private final PipeParser answers = AlertManagerAnswer.parser();
    private final BlockingQueue<AgentNotice> queue = new LinkedBlockingQueue<>();
    /** Keys of the notices queued or being sent, so that one queued twice (recovery and the log) goes once. */
    private final Set<String> queuedKeys = ConcurrentHashMap.newKeySet();
    /** Each alert's priority as raised, for the messages of its later changes (forwarder's thread only). */
    private final Map<String, Priority> priorities = new HashMap<>();
    private final CountDownLatch closing = new CountDownLatch(1);
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong failedAttempts = new AtomicLong();
    private final Thread thread;
    private long nextControlId;

    /**
     * @param firstRetryMs wait before the first resend of a message
     * @param maxRetryMs   the longest wait between resends
     */
    AlertManagerForwarder(AlertReportWriter writer, AlertManagerLink link, DeliveryLedger ledger, LongSupplier clockMs,
                          long firstRetryMs, long maxRetryMs) {
        this.writer = writer;
        this.link = link;
        this.ledger = ledger;
        this.clockMs = clockMs;
        this.firstRetryMs = firstRetryMs;
        this.maxRetryMs = maxRetryMs;
        this.nextControlId = clockMs.getAsLong();
        this.thread = new Thread(this::run, "alert-manager");
        this.thread.setDaemon(true);
    }

    /**
     * A forwarder to {@code host:port}, started.
     *
     * @param application MSH-3 of its messages
     * @param ledger      its own delivery ledger ({@link #LEDGER_FILE}), closed with it
     */
    public static AlertManagerForwarder start(String host, int port, String application, DeliveryLedger ledger,
                                              LongSupplier clockMs) {
        AlertManagerForwarder f = new AlertManagerForwarder(new AlertReportWriter(application),
                new AlertManagerLink(host, port, 10_000), ledger, clockMs, 1_000, 30_000);
        f.start();
        LOG.info("alerts go to the alert manager at {}:{} (IHE PCD-04 over MLLP)", host, port);
        return f;
    }

    void start() {
        thread.start();
    }

    @Override
    public void onNotice(AgentNotice notice, long inputReceivedNanos) {
        if (AlertReportWriter.forwards(notice) && queuedKeys.add(DeliveryLedger.keyOf(notice))) {
            queue.add(notice);
        }
    }

    /**
     * Queues the logged notices the alert manager never confirmed (oldest first, as given), and
     * learns the priorities of the alerts already sent, for their later changes. Called once at
     * start, before the agent re-derives its state.
     */
    public void resendUnconfirmed(List<AgentNotice> logged) {
        int queued = 0;
        for (AgentNotice n : logged) {
            if (n instanceof Alert a) {
                synchronized (priorities) {
                    priorities.put(a.alertId(), a.priority());
                }
            }
            if (AlertReportWriter.forwards(n) && !ledger.isDelivered(n)) {
                int before = queue.size();
                onNotice(n, 0);
                queued += queue.size() - before;
            }
        }
        if (queued > 0) {
            LOG.info("{} logged alert messages the alert manager never confirmed are sent again", queued);
        }
    }

    /** Messages the alert manager accepted. */
    public long acceptedCount() {
        return accepted.get();
    }

    /** Messages it refused for their content (AE, CE); each was logged. */
    public long refusedCount() {
        return refused.get();
    }

    /** Sends that failed and were tried again (no connection, no answer, AR, CR). */
    public long failedAttempts() {
        return failedAttempts.get();
    }

    /** Notices waiting to go, the one being sent included. */
    public int pending() {
        return queuedKeys.size();
    }

    private void run() {
        try {
            while (closing.getCount() > 0) {
                AgentNotice notice = queue.poll(1, TimeUnit.SECONDS);
                if (notice != null) {
                    deliver(notice);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.error("the alert manager forwarder stopped; alerts are no longer sent to it", e);
        }
    }

    private void deliver(AgentNotice notice) throws InterruptedException {
        String key = DeliveryLedger.keyOf(notice);
        try {
            if (ledger.isDelivered(notice)) {
                return;
            }
            String controlId = Long.toString(nextControlId++, 36).toUpperCase(java.util.Locale.ROOT);
            byte[] message = writer.write(notice, priorityFor(notice), controlId, clockMs.getAsLong());
            long waitMs = firstRetryMs;
            while (closing.getCount() > 0) {
                String outcome = send(notice, message, controlId);
                if (outcome == null) {
                    return;
                }
                failedAttempts.incrementAndGet();
                LOG.warn("alert manager: {} of alert {} not delivered ({}); trying again in {} ms",
                        describe(notice), alertId(notice), outcome, waitMs);
                if (closing.await(waitMs, TimeUnit.MILLISECONDS)) {
                    LOG.warn("alert manager: stopping with {} messages unsent; they go again at the next start",
                            queuedKeys.size());
                    return;
                }
                waitMs = Math.min(maxRetryMs, waitMs * 2);
            }
        } finally {
            queuedKeys.remove(key);
        }
    }

    /** Sends once; null when the message is done with (accepted or refused), else why it must go again. */
    private String send(AgentNotice notice, byte[] message, String controlId) {
        AlertManagerAnswer answer;
        try {
            answer = AlertManagerAnswer.read(link.exchange(message), answers);
        } catch (IOException e) {
            return e.getMessage();
        } catch (HL7Exception e) {
            return "an answer that is not an HL7 ACK: " + e.getMessage();
        }
        if (answer.controlId() != null && !answer.controlId().isBlank() && !controlId.equals(answer.controlId())) {
            return "an ACK for another message (" + answer.controlId() + ")";
        }
        if (answer.accepted()) {
            accepted.incrementAndGet();
            ledger.markDelivered(notice, clockMs.getAsLong());
            return null;
        }
        if (answer.refused()) {
            refused.incrementAndGet();
            LOG.error("alert manager refused {} of alert {} ({}): {}; not sent again", describe(notice),
                    alertId(notice), answer.code(), answer.text());
            return null;
        }
        return answer.code() + (answer.text() == null ? "" : ": " + answer.text());
    }

    private Priority priorityFor(AgentNotice notice) {
        synchronized (priorities) {
            if (notice instanceof Alert a) {
                priorities.put(a.alertId(), a.priority());
                return a.priority();
            }
            Priority p = priorities.get(alertId(notice));
            return p != null ? p : Priority.MEDIUM;
        }
    }

    private static String alertId(AgentNotice n) {
        return n instanceof Alert a ? a.alertId() : ((AlertChange) n).alertId();
    }

    private static String describe(AgentNotice n) {
        return n instanceof Alert a ? a.event() + " raised" : ((AlertChange) n).event() + " " + ((AlertChange) n).state();
    }

    @Override
    public void close() {
        closing.countDown();
        thread.interrupt(); // ends a wait for an answer at once
        try {
            thread.join(15_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        link.close();
        ledger.close();
    }
}
