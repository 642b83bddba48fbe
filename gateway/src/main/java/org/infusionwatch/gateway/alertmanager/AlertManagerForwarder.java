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
import org.infusionwatch.agent.model.AlertState;
import org.infusionwatch.agent.model.Priority;
import org.infusionwatch.agent.ports.NoticeSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends every alert, and every change of one, to the hospital's alert manager as IHE PCD-04
 * ({@link AlertReportWriter}) over MLLP, in the order the agent produced them, one at a time, each
 * after the previous one's answer. The alert manager's answers:
 *
 * <ul>
 *   <li>AA or CA: delivered, written in a ledger of its own ({@value #LEDGER_FILE});</li>
 *   <li>AE or CR (refused for what it says, or for its type or version): logged as an error,
 *       counted, written in the ledger as done, not sent again;</li>
 *   <li>AR, CE, or an answer that is no ACK: sent again after a wait, at most
 *       {@value #MAX_UNUSABLE_ANSWERS} answers in all, then given up like a refusal, so that one
 *       message the alert manager will never take does not hold up every later alert;</li>
 *   <li>no answer in time, no connection: sent again, with the same control id, after a wait that
 *       doubles up to a limit, for as long as it takes.</li>
 * </ul>
 *
 * <p>An answer whose MSA-2 names an earlier message (an alert manager that sends CA and then AA)
 * is skipped. After a restart, {@link #resendUnconfirmed} queues the event log's recent notices
 * the ledger does not hold, so an alert raised while the alert manager was away, the gateway then
 * restarting, still goes out. The alert manager may therefore see a message twice (an answer lost,
 * or a crash between an answer and the ledger's write); OBR-3 (the alert's id) and the phase say
 * it is the same.
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
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    /** Keys of the notices queued or being sent, so that one queued twice (recovery and the log) goes once. */
    private final Set<String> queuedKeys = ConcurrentHashMap.newKeySet();
    /** Each open alert's priority as raised (high once escalated), for the messages of its later changes. */
    private final Map<String, Priority> priorities = new HashMap<>();
    private final CountDownLatch closing = new CountDownLatch(1);
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong failedAttempts = new AtomicLong();
    /** Answers that are neither an acceptance nor a refusal (AR, CE, garbage) a message may get before it is given up. */
    static final int MAX_UNUSABLE_ANSWERS = 5;
    private final Thread thread;
    private final long probePeriodNanos;
    private long nextControlId;
    /** When the current run of failed attempts began (clock ms), 0 while messages get through. */
    private volatile long failingSinceMs;
    /** When the alert manager last answered or took a connection ({@link System#nanoTime()}). */
    private long lastContactNanos;
    private boolean contacted;

    /**
     * @param firstRetryMs  wait before the first resend of a message
     * @param maxRetryMs    the longest wait between resends
     * @param probePeriodMs while there is nothing to send, how often to check that the alert manager
     *                      still takes connections (and once at start)
     */
    AlertManagerForwarder(AlertReportWriter writer, AlertManagerLink link, DeliveryLedger ledger, LongSupplier clockMs,
                          long firstRetryMs, long maxRetryMs, long probePeriodMs) {
        this.writer = writer;
        this.link = link;
        this.ledger = ledger;
        this.clockMs = clockMs;
        this.firstRetryMs = firstRetryMs;
        this.maxRetryMs = maxRetryMs;
        this.probePeriodNanos = TimeUnit.MILLISECONDS.toNanos(probePeriodMs);
        this.nextControlId = clockMs.getAsLong();
        this.thread = new Thread(this::run, "alert-manager");
        this.thread.setDaemon(true);
    }

    /**
     * A forwarder to {@code host:port}, started.
     *
     * @param application MSH-3's name in its messages
     * @param eui64       the gateway's EUI-64 ({@link GatewayEui64}), its universal id in them
     * @param ledger      its own delivery ledger ({@link #LEDGER_FILE}), closed with it
     */
    public static AlertManagerForwarder start(String host, int port, String application, String eui64,
                                              DeliveryLedger ledger, LongSupplier clockMs) {
        AlertManagerForwarder f = new AlertManagerForwarder(new AlertReportWriter(application, eui64),
                new AlertManagerLink(host, port, 10_000), ledger, clockMs, 1_000, 30_000, 30_000);
        f.start();
        LOG.info("alerts go to the alert manager at {}:{} (IHE PCD-04 over MLLP)", host, port);
        return f;
    }

    void start() {
        thread.start();
    }

    @Override
    public void onNotice(AgentNotice notice, long inputReceivedNanos) {
        enqueue(notice);
    }

    /**
     * Queues a notice, with the priority its message carries as of now (notices come in the agent's
     * order), unless it is not for the alert manager or is queued already; returns whether it was queued.
     */
    private boolean enqueue(AgentNotice notice) {
        Priority priority = learnPriority(notice);
        if (AlertReportWriter.forwards(notice) && queuedKeys.add(DeliveryLedger.keyOf(notice))) {
            queue.add(new Pending(notice, priority));
            return true;
        }
        return false;
    }

    /** A notice on its way, with the priority its message carries. */
    private record Pending(AgentNotice notice, Priority priority) {
    }

    /**
     * Learns the priority of every logged alert (for the messages of its later changes), and queues
     * the logged notices since {@code sinceMs} the alert manager never answered for good, oldest
     * first, as given. Called once at start, before the agent re-derives its state.
     *
     * @return how many were queued
     */
    public int resendUnconfirmed(List<AgentNotice> logged, long sinceMs) {
        int queued = 0;
        for (AgentNotice n : logged) {
            if (n.timeMs() >= sinceMs && AlertReportWriter.forwards(n) && !ledger.isDelivered(n)) {
                if (enqueue(n)) {
                    queued++;
                }
            } else {
                learnPriority(n);
            }
        }
        if (queued > 0) {
            LOG.info("{} logged alert messages the alert manager never answered are sent again", queued);
        }
        return queued;
    }

    /** Messages the alert manager accepted. */
    public long acceptedCount() {
        return accepted.get();
    }

    /** Messages it refused for good (AE, CR), or kept rejecting until they were given up; each was logged. */
    public long refusedCount() {
        return refused.get();
    }

    /** Sends that failed and were tried again (no connection, no answer, AR, CE, an answer that is no ACK). */
    public long failedAttempts() {
        return failedAttempts.get();
    }

    /**
     * Since when (clock ms) messages have not been getting through, or the alert manager has not
     * taken a connection; 0 while all is well. For the nurse station: while it is set, pagers and
     * ward phones fed by the alert manager may stay silent.
     */
    public long failingSinceMs() {
        return failingSinceMs;
    }

    /** Notices waiting to go, the one being sent included. */
    public int pending() {
        return queuedKeys.size();
    }

    private void run() {
        while (closing.getCount() > 0) {
            Pending pending;
            try {
                pending = queue.poll(1, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                return; // closing
            }
            if (pending == null) {
                probeIfDue();
                continue;
            }
            AgentNotice notice = pending.notice();
            try {
                deliver(notice, pending.priority());
            } catch (InterruptedException e) {
                return; // closing; what was not answered goes again at the next start
            } catch (RuntimeException e) {
                failedAttempts.incrementAndGet();
                LOG.error("alert manager: {} of alert {} could not be sent in this run; it goes again at the next start",
                        describe(notice), alertId(notice), e);
            }
        }
    }

    /** While idle: checks now and then that the alert manager takes connections, so a dead link shows before an alert needs it. */
    private void probeIfDue() {
        if (contacted && System.nanoTime() - lastContactNanos < probePeriodNanos) {
            return;
        }
        try {
            link.probe();
            gotThrough();
        } catch (IOException e) {
            failed();
            LOG.warn("alert manager: {}", e.getMessage());
        }
        contacted = true;
        lastContactNanos = System.nanoTime();
    }

    private void gotThrough() {
        failingSinceMs = 0;
        contacted = true;
        lastContactNanos = System.nanoTime();
    }

    private void failed() {
        if (failingSinceMs == 0) {
            failingSinceMs = clockMs.getAsLong();
        }
    }

    private void deliver(AgentNotice notice, Priority priority) throws InterruptedException {
        String key = DeliveryLedger.keyOf(notice);
        try {
            if (ledger.isDelivered(notice)) {
                return;
            }
            String controlId = Long.toString(nextControlId++, 36).toUpperCase(java.util.Locale.ROOT);
            byte[] message = writer.write(notice, priority, controlId, clockMs.getAsLong());
            long waitMs = firstRetryMs;
            int unusableAnswers = 0;
            while (closing.getCount() > 0) {
                Attempt attempt = send(notice, message, controlId);
                if (attempt == Attempt.DONE) {
                    gotThrough();
                    return;
                }
                failed();
                if (attempt.answered && ++unusableAnswers >= MAX_UNUSABLE_ANSWERS) {
                    // The alert manager is there and keeps saying no: later alerts must not wait behind this one.
                    refused.incrementAndGet();
                    ledger.markDelivered(notice, clockMs.getAsLong());
                    LOG.error("alert manager: gave up on {} of alert {} after {} answers, the last {}; not sent again",
                            describe(notice), alertId(notice), unusableAnswers, attempt.why);
                    gotThrough(); // it answers; the next message may well go
                    return;
                }
                failedAttempts.incrementAndGet();
                LOG.warn("alert manager: {} of alert {} not delivered ({}); trying again in {} ms",
                        describe(notice), alertId(notice), attempt.why, waitMs);
                if (closing.await(waitMs, TimeUnit.MILLISECONDS)) {
                    return;
                }
                waitMs = Math.min(maxRetryMs, waitMs * 2);
            }
        } finally {
            queuedKeys.remove(key);
        }
    }

    /** Sends once and reads the answer to this message, skipping answers to earlier ones (a CA then an AA). */
    private Attempt send(AgentNotice notice, byte[] message, String controlId) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(link.timeoutMs());
        AlertManagerAnswer answer;
        try {
            link.send(message);
            do {
                try {
                    answer = AlertManagerAnswer.read(link.nextFrame(deadline), answers);
                } catch (HL7Exception e) {
                    return Attempt.answered("an answer that is not an HL7 ACK: " + e.getMessage());
                }
            } while (answer.controlId() != null && !answer.controlId().isBlank() && !controlId.equals(answer.controlId()));
        } catch (IOException e) {
            return Attempt.unanswered(e.getMessage());
        }
        if (answer.accepted()) {
            accepted.incrementAndGet();
            ledger.markDelivered(notice, clockMs.getAsLong());
            return Attempt.DONE;
        }
        if (answer.refused()) {
            refused.incrementAndGet();
            ledger.markDelivered(notice, clockMs.getAsLong());
            LOG.error("alert manager refused {} of alert {} ({}): {}; not sent again", describe(notice),
                    alertId(notice), answer.code(), answer.text());
            return Attempt.DONE;
        }
        return Attempt.answered(answer.code() + (answer.text() == null ? "" : ": " + answer.text()));
    }

    /** How one send ended, when it did not end the message's journey. */
    private record Attempt(boolean answered, String why) {
        static final Attempt DONE = new Attempt(true, "done");

        static Attempt answered(String why) {
            return new Attempt(true, why);
        }

        static Attempt unanswered(String why) {
            return new Attempt(false, why);
        }
    }

    /**
     * The priority a notice's message carries: an alert's own; for a change, the alert's as raised,
     * or high once it was escalated. Remembered per alert until it is resolved.
     */
    private Priority learnPriority(AgentNotice notice) {
        synchronized (priorities) {
            if (notice instanceof Alert a) {
                Priority p = a.priority() != null ? a.priority() : Priority.MEDIUM;
                priorities.put(a.alertId(), p);
                return p;
            }
            if (!(notice instanceof AlertChange c)) {
                return Priority.MEDIUM;
            }
            if (c.state() == AlertState.ESCALATED) {
                priorities.put(c.alertId(), Priority.HIGH);
            }
            Priority p = priorities.getOrDefault(c.alertId(), Priority.MEDIUM);
            if (c.state() == AlertState.RESOLVED) {
                priorities.remove(c.alertId());
            }
            return p;
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
        if (thread.isAlive()) {
            LOG.warn("the alert manager forwarder did not stop within 15 s; its ledger is left open");
            return;
        }
        link.close();
        ledger.close();
    }
}
