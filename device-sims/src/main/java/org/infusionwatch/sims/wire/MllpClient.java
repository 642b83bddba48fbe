package org.infusionwatch.sims.wire;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One device's HL7 connection, as a real device has: sends each message in an MLLP frame, waits
 * for its ACK and reads MSA-1/MSA-2. On an I/O failure or a missing or unreadable ACK it
 * reconnects with backoff and resends the same message, so delivery is at least once; the
 * receiver drops duplicates by MSH-10. An {@code AE}/{@code AR} ACK is an answer, not a failure:
 * it is not resent.
 *
 * <p>Threading: {@link #send} may be called from any thread; it queues the message. All socket
 * work runs on the client's own single thread, in send order, so a slow ACK delays only this
 * device. {@link #close()} may be called from any thread.
 */
public final class MllpClient implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(MllpClient.class);

    private final String name;
    private final String host;
    private final int port;
    private final MllpClientOptions options;
    private final ThreadPoolExecutor executor;
    private final AtomicLong connections = new AtomicLong();
    private final AtomicLong resends = new AtomicLong();
    private volatile boolean closing;

    // Owned by the client thread; volatile so that close() can force a blocked read to end.
    private volatile Socket socket;
    private OutputStream out;
    private MllpFrameReader reader;

    /**
     * @param name a name for logs and the thread, typically the device id
     */
    public MllpClient(String name, String host, int port, MllpClientOptions options) {
        this.name = Objects.requireNonNull(name, "name");
        this.host = Objects.requireNonNull(host, "host");
        this.port = port;
        this.options = Objects.requireNonNull(options, "options");
        this.executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread thread = new Thread(r, "iwsim-mllp-" + name);
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Connects in the background, as a device does when it powers on; a failure is retried by the first send. */
    public void open() {
        runOnClientThread(() -> {
            if (socket == null && !closing) {
                try {
                    connect();
                } catch (IOException e) {
                    log.info("{}: cannot connect to {}:{} yet ({}); will retry when it has a message",
                            name, host, port, e.toString());
                }
            }
        });
    }

    /**
     * Queues {@code message} (an HL7 message without framing) for delivery.
     *
     * @return completes with the ACK; fails only if the client is closed before an ACK arrives
     */
    public CompletableFuture<MllpAck> send(String message) {
        SendTask task = new SendTask(message);
        if (!runOnClientThread(task)) {
            task.result.completeExceptionally(new IOException(name + " is closed"));
        }
        return task.result;
    }

    /** How many connections were made, the first included. */
    public long connections() {
        return connections.get();
    }

    /** How many times a message was written again after a failure. */
    public long resends() {
        return resends.get();
    }

    /** Stops taking messages; those queued are still delivered. Does not wait. */
    public void shutdown() {
        closing = true;
        executor.shutdown();
    }

    /**
     * Stops taking messages, lets queued ones drain for the close grace, then drops the rest
     * (their futures fail) and closes the connection.
     */
    @Override
    public void close() {
        shutdown();
        try {
            if (!executor.awaitTermination(options.closeGraceMs(), TimeUnit.MILLISECONDS)) {
                List<Runnable> dropped = executor.shutdownNow();
                closeSocket();
                for (Runnable r : dropped) {
                    if (r instanceof SendTask task) {
                        task.result.completeExceptionally(new IOException(name + " closed before delivery"));
                    }
                }
                if (!dropped.isEmpty()) {
                    log.warn("{}: closed with {} message(s) undelivered", name, dropped.size());
                }
                executor.awaitTermination(options.connectTimeoutMs(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            closeSocket();
        }
    }

    private boolean runOnClientThread(Runnable task) {
        try {
            executor.execute(task);
            return true;
        } catch (RejectedExecutionException e) {
            return false;
        }
    }

    private MllpAck deliver(String message) throws IOException, InterruptedException {
        byte[] frame = MllpFrames.frame(message);
        long backoffMs = options.initialBackoffMs();
        int writes = 0;
        while (true) {
            if (closing && socket == null) {
                // Closing and not connected: do not start reconnecting for a message nobody waits for.
                throw new IOException(name + ": closed before the message was delivered");
            }
            try {
                if (socket == null) {
                    connect();
                }
                if (writes++ > 0) {
                    resends.incrementAndGet();
                }
                out.write(frame);
                out.flush();
                return MllpAck.parse(reader.readFrame());
            } catch (IOException | IllegalArgumentException e) {
                closeSocket();
                if (closing) {
                    throw new IOException(name + ": closed before the message was acknowledged", e);
                }
                log.warn("{}: {}; resending in {} ms", name, e.toString(), backoffMs);
                // Waiting on this device's own thread holds back only this device, keeps its
                // messages in order, and close() ends the wait by interrupting.
                Thread.sleep(backoffMs);
                backoffMs = Math.min(backoffMs * 2, options.maxBackoffMs());
            }
        }
    }

    private void connect() throws IOException {
        Socket s = new Socket();
        socket = s; // visible to close() even while connecting
        try {
            s.setTcpNoDelay(true);
            s.setKeepAlive(true);
            s.connect(new InetSocketAddress(host, port), options.connectTimeoutMs());
            s.setSoTimeout(options.readTimeoutMs());
            out = new BufferedOutputStream(s.getOutputStream());
            reader = new MllpFrameReader(new BufferedInputStream(s.getInputStream()), options.maxFrameBytes());
        } catch (IOException e) {
            closeSocket();
            throw e;
        }
        long count = connections.incrementAndGet();
        if (count == 1) {
            log.info("{}: connected to {}:{}", name, host, port);
        } else {
            log.info("{}: reconnected to {}:{} (connection {})", name, host, port, count);
        }
    }

    private void closeSocket() {
        Socket s = socket;
        socket = null;
        if (s != null) {
            try {
                s.close();
            } catch (IOException e) {
                log.debug("{}: closing the socket failed", name, e);
            }
        }
    }

    private static String controlId(String message) {
        int segmentEnd = message.indexOf('\r');
        String[] msh = (segmentEnd < 0 ? message : message.substring(0, segmentEnd)).split("\\|", -1);
        return msh.length > 9 ? msh[9] : "";
    }

    /** A queued message and the future of its ACK. */
    private final class SendTask implements Runnable {

        private final String message;
        private final CompletableFuture<MllpAck> result = new CompletableFuture<>();

        SendTask(String message) {
            this.message = message;
        }

        @Override
        public void run() {
            try {
                MllpAck ack = deliver(message);
                String sent = controlId(message);
                if (!ack.controlId().equals(sent)) {
                    log.warn("{}: ACK for {} while waiting for {}", name, ack.controlId(), sent);
                }
                result.complete(ack);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                result.completeExceptionally(e);
            } catch (IOException | RuntimeException e) {
                result.completeExceptionally(e);
            }
        }
    }
}
