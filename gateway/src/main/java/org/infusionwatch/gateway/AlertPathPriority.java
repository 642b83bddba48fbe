package org.infusionwatch.gateway;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the threads an alert passes through ahead of ordinary work on the box (Linux
 * {@code SCHED_RR} at a configured priority, 1 to 99): the MLLP event loops and Paho's MQTT threads, which read and
 * decode an input, and the engine thread, which raises and publishes the alert. On a box whose
 * cores are busy, a thread woken for an input otherwise waits for the running ones' time slices,
 * which is most of the gateway's own alert latency under load (docs/performance.md).
 *
 * <p>Every thread on the path parks when it has nothing to do, so none of them can hold a core
 * by itself; Linux also keeps 5 % of every second for ordinary threads. Threads are found by name
 * in {@code /proc/self/task}, at start and then every few seconds (Paho starts new threads when it
 * reconnects), and raised with {@code chrt}, which needs root or {@code CAP_SYS_NICE}. Where that
 * is refused, the gateway says so once and runs on at ordinary priority.
 */
final class AlertPathPriority implements AutoCloseable {
    /**
     * Names of the threads on an alert's path: MLLP event loops, Paho's threads, the engine. Linux
     * keeps the first 15 bytes of a thread's name, so Paho's "MQTT Rec: client-id" is matched by its start.
     */
    static final Pattern ALERT_PATH = Pattern.compile("agent-engine|mllp-.*|MQTT (Rec|Snd|Call): .*");
    private static final Logger LOG = LoggerFactory.getLogger(AlertPathPriority.class);
    /** {@code policy} in {@code /proc/.../stat} (field 41) for SCHED_RR. */
    static final int SCHED_RR = 2;

    private final Path tasks;
    private final Pattern names;
    private final int priority;
    private final ScheduledExecutorService timer;
    private volatile String refusal;

    /**
     * @param tasks       the process's thread folder, {@code /proc/self/task}
     * @param names       thread names to raise
     * @param priority    real-time priority, 1 (lowest) to 99
     * @param periodMs    how often new threads are looked for
     */
    AlertPathPriority(Path tasks, Pattern names, int priority, long periodMs) {
        if (priority < 1 || priority > 99) {
            throw new IllegalArgumentException("real-time priority " + priority + " (expected: 1 to 99)");
        }
        this.tasks = tasks;
        this.names = names;
        this.priority = priority;
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "alert-path-priority");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(this::raiseNewThreads, 0, periodMs, TimeUnit.MILLISECONDS);
    }

    static AlertPathPriority start(int priority) {
        return new AlertPathPriority(Path.of("/proc/self/task"), ALERT_PATH, priority, 5_000);
    }

    /** Why the system refused, or null while it has not. */
    String refusal() {
        return refusal;
    }

    private void raiseNewThreads() {
        try (DirectoryStream<Path> threads = Files.newDirectoryStream(tasks)) {
            for (Path thread : threads) {
                String name = read(thread.resolve("comm"));
                if (name == null || !names.matcher(name).matches() || policy(thread) == SCHED_RR) {
                    continue;
                }
                String failure = raise(thread.getFileName().toString(), priority);
                if (failure != null) {
                    refusal = failure;
                    LOG.warn("alert-path threads stay at ordinary priority: {} (needs root or CAP_SYS_NICE; "
                            + "see docs/performance.md)", failure);
                    timer.shutdown();
                    return;
                }
            }
        } catch (IOException | RuntimeException e) {
            refusal = String.valueOf(e);
            LOG.warn("alert-path threads stay at ordinary priority: cannot list them ({})", e.toString());
            timer.shutdown();
        }
    }

    /** Runs {@code chrt}; null when it succeeded, otherwise what it said. */
    private static String raise(String tid, int priority) throws IOException {
        Process chrt = new ProcessBuilder("chrt", "--rr", "--pid", Integer.toString(priority), tid).redirectErrorStream(true).start();
        try {
            String said = new String(chrt.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return chrt.waitFor() == 0 ? null : "chrt: " + said;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    /** A thread's scheduling policy, or -1 if it has gone. */
    static int policy(Path thread) {
        return statField(thread, 41);
    }

    /** A thread's real-time priority (0 for an ordinary thread), or -1 if it has gone. */
    static int realtimePriority(Path thread) {
        return statField(thread, 40);
    }

    private static int statField(Path thread, int field) {
        String stat = read(thread.resolve("stat"));
        if (stat == null) {
            return -1;
        }
        // Fields after the command name, which is in parentheses and may contain spaces: state is field 3.
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Integer.parseInt(fields[field - 3]);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            return null; // the thread ended
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
