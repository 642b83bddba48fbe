package org.infusionwatch.sims.load.baseline;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import org.infusionwatch.sims.wire.MllpFrames;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The baseline gateway's MLLP side: one thread and a selector for every connection, as the
 * gateway's own event loops work (rather than a thread per connection, whose wake-ups on two
 * cores would make the floor higher than the gateway). It reads each frame, hands the report on,
 * and answers {@code AA} at once; a message it cannot read gets {@code AE} with the reason. The
 * answers to the frames of one read go out in one write.
 */
final class BaselineMllpListener implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BaselineMllpListener.class);
    private static final int MAX_FRAME_BYTES = 1 << 20;

    /** Called on the listener's thread with each report read and the time its bytes were read. */
    interface ReportHandler {
        void onReport(BaselineReport report, long receivedNanos);
    }

    private final Selector selector;
    private final ServerSocketChannel server;
    private final ReportHandler handler;
    private final Consumer<String> refused;
    private final ByteBuffer readBuffer = ByteBuffer.allocateDirect(64 * 1024);
    private final Thread loop;
    private volatile boolean closed;

    private BaselineMllpListener(Selector selector, ServerSocketChannel server, ReportHandler handler,
                                 Consumer<String> refused) {
        this.selector = selector;
        this.server = server;
        this.handler = handler;
        this.refused = refused;
        loop = new Thread(this::run, "baseline-mllp");
        loop.setDaemon(true);
        loop.start();
    }

    /**
     * Listens on {@code host:port} (0: any free port).
     *
     * @param refused told why each message it could not read was refused
     */
    static BaselineMllpListener start(String host, int port, ReportHandler handler, Consumer<String> refused)
            throws IOException {
        Selector selector = Selector.open();
        ServerSocketChannel server = ServerSocketChannel.open();
        try {
            server.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            server.bind(new InetSocketAddress(InetAddress.getByName(host), port));
            server.configureBlocking(false);
            server.register(selector, SelectionKey.OP_ACCEPT);
        } catch (IOException | RuntimeException e) {
            server.close();
            selector.close();
            throw e;
        }
        return new BaselineMllpListener(selector, server, handler, refused);
    }

    int port() {
        return server.socket().getLocalPort();
    }

    private void run() {
        try {
            while (!closed) {
                selector.select();
                for (SelectionKey key : selector.selectedKeys()) {
                    if (!key.isValid()) {
                        continue;
                    }
                    try {
                        if (key.isAcceptable()) {
                            accept();
                        } else {
                            Connection c = (Connection) key.attachment();
                            if (key.isReadable()) {
                                c.read(key);
                            }
                            if (key.isValid() && key.isWritable()) {
                                c.flush(key);
                            }
                        }
                    } catch (IOException | RuntimeException e) {
                        // One connection's failure closes it; the thread goes on serving the others.
                        if (!closed) {
                            LOG.warn("baseline MLLP: connection closed after a failure: {}", e.toString());
                        }
                        key.cancel();
                        key.channel().close();
                    }
                }
                selector.selectedKeys().clear();
            }
        } catch (IOException | ClosedSelectorException e) {
            if (!closed) {
                LOG.error("baseline MLLP: listener stopped: {}", e.toString());
            }
        }
    }

    private void accept() throws IOException {
        SocketChannel channel = server.accept();
        if (channel == null) {
            return;
        }
        channel.configureBlocking(false);
        channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
        channel.register(selector, SelectionKey.OP_READ, new Connection(channel));
    }

    /** One device connection: the frame being read and the answers not yet written. */
    private final class Connection {
        /** Answers a peer may leave unread before the connection is given up. */
        private static final int MAX_PENDING_BYTES = 4 << 20;
        private final SocketChannel channel;
        private final MllpFrameAssembler frames = new MllpFrameAssembler(MAX_FRAME_BYTES);
        private ByteBuffer pending = ByteBuffer.allocate(0);
        private boolean peerDone;

        Connection(SocketChannel channel) {
            this.channel = channel;
        }

        void read(SelectionKey key) throws IOException {
            readBuffer.clear();
            int n = channel.read(readBuffer);
            if (n < 0) {
                // The peer sends no more; the answers it is owed still go before the close.
                peerDone = true;
                flush(key);
                return;
            }
            long received = System.nanoTime();
            readBuffer.flip();
            StringBuilder answers = new StringBuilder();
            frames.feed(readBuffer, message -> answers.append((char) MllpFrames.START_BLOCK)
                    .append(answer(message, received))
                    .append((char) MllpFrames.END_BLOCK).append((char) MllpFrames.CARRIAGE_RETURN));
            if (answers.length() > 0) {
                byte[] bytes = answers.toString().getBytes(StandardCharsets.UTF_8);
                if (pending.remaining() + bytes.length > MAX_PENDING_BYTES) {
                    throw new IOException("the peer leaves its answers unread (" + pending.remaining() + " bytes)");
                }
                ByteBuffer all = ByteBuffer.allocate(pending.remaining() + bytes.length);
                all.put(pending).put(bytes).flip();
                pending = all;
                flush(key);
            }
        }

        void flush(SelectionKey key) throws IOException {
            channel.write(pending);
            if (peerDone && !pending.hasRemaining()) {
                key.cancel();
                channel.close();
                return;
            }
            int reading = peerDone ? 0 : SelectionKey.OP_READ;
            key.interestOps(pending.hasRemaining() ? reading | SelectionKey.OP_WRITE : reading);
        }

        private String answer(String message, long received) {
            BaselineReport report;
            try {
                report = BaselineReport.fromHl7(message);
            } catch (RuntimeException e) {
                refused.accept(e.getMessage());
                return ack("AE", controlIdOrEmpty(message), e.getMessage());
            }
            handler.onReport(report, received);
            return ack("AA", report.controlId(), "");
        }
    }

    private static String ack(String code, String controlId, String text) {
        return "MSH|^~\\&|IWBASELINE||||||ACK^R01^ACK|" + controlId + "|P|2.6\rMSA|" + code + "|" + controlId
                + (text.isEmpty() ? "" : "|" + text.replaceAll("[|^~\\\\&\r\n]", " ")) + "\r";
    }

    private static String controlIdOrEmpty(String message) {
        int end = message.indexOf('\r');
        String[] f = (end < 0 ? message : message.substring(0, end)).split("\\|", -1);
        return f.length > 9 ? f[9] : "";
    }

    @Override
    public void close() throws IOException {
        closed = true;
        selector.wakeup();
        try {
            loop.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (SelectionKey key : selector.keys()) {
            key.channel().close();
        }
        selector.close();
        server.close();
    }
}
