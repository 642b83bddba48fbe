package org.infusionwatch.sims.load;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicLong;
import org.infusionwatch.sims.wire.MllpAck;
import org.infusionwatch.sims.wire.MllpFrameReader;
import org.infusionwatch.sims.wire.MllpFrames;

/**
 * One pipelined MLLP connection, as a central station forwarding many devices would use: the
 * driver writes messages without waiting, a reader thread takes the ACKs, which come back in
 * order, and records each one's latency from the moment the message was due to be sent (so a
 * stalled gateway cannot hide its stall: coordinated omission is corrected).
 */
final class MllpPipe implements AutoCloseable {
    private final Socket socket;
    private final OutputStream out;
    private final DueTimes dueNanos = new DueTimes();
    private final Thread reader;
    private final LatencyStats ackLatency;
    final AtomicLong sent = new AtomicLong();
    final AtomicLong accepted = new AtomicLong();
    final AtomicLong refused = new AtomicLong();

    MllpPipe(String host, int port, LatencyStats ackLatency, int index) throws IOException {
        this.socket = new Socket(host, port);
        socket.setTcpNoDelay(true);
        this.out = new BufferedOutputStream(socket.getOutputStream(), 64 * 1024);
        this.ackLatency = ackLatency;
        MllpFrameReader frames = new MllpFrameReader(new java.io.BufferedInputStream(socket.getInputStream(), 64 * 1024), 1 << 20);
        reader = new Thread(() -> readAcks(frames), "load-acks-" + index);
        reader.setDaemon(true);
        reader.start();
    }

    /** Writes one message that was due at {@code dueNanos} (System.nanoTime). Driver thread only. */
    void send(String message, long due) throws IOException {
        dueNanos.add(due);
        MllpFrames.write(out, message);
        sent.incrementAndGet();
    }

    /** Pushes what the driver wrote in this round to the socket. */
    void flush() throws IOException {
        out.flush();
    }

    private void readAcks(MllpFrameReader frames) {
        try {
            String frame;
            while ((frame = frames.readFrame()) != null) {
                long now = System.nanoTime();
                long due = dueNanos.poll();
                if (due != Long.MIN_VALUE) {
                    ackLatency.record(now - due);
                }
                if (MllpAck.parse(frame).accepted()) {
                    accepted.incrementAndGet();
                } else {
                    refused.incrementAndGet();
                }
            }
        } catch (IOException | RuntimeException e) {
            // the connection closed: the run is over or the gateway went away; the counts tell which
        }
    }

    /** Messages written whose ACK has not come back. */
    long outstanding() {
        return sent.get() - accepted.get() - refused.get();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
