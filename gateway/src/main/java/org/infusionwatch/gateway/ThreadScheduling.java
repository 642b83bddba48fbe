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
 * Puts some of the gateway's threads, found by name, in another Linux scheduling class, so that on
 * a box whose cores are busy a thread woken for an alert does not wait for ordinary work's time
 * slices, which is most of the gateway's own alert latency under load (docs/performance.md). Four
 * uses, each off by default:
 * <ul>
 *   <li>{@link #alertPathFirst}: the threads an alert passes through (the MLLP event loops and Paho's
 *       MQTT threads, which read and decode an input, and the engine thread, which raises and
 *       publishes the alert) at real-time priority, {@code SCHED_RR}. It needs root or
 *       {@code CAP_SYS_NICE}. Every thread on the path parks when it has nothing to do, so none of them
 *       can hold a core by itself, and Linux keeps 5 % of every second for ordinary threads; but the
 *       collector's threads stay ordinary and fall behind on a box without CPU to spare.</li>
 *   <li>{@link #backgroundIdle}: the threads no alert waits for (the journal, the output stage, the
 *       ward view and its observer, the metrics) at {@code SCHED_IDLE}. They run whenever a core is
 *       free, and give way at once to any ordinary thread that wakes: the alert path, but also the
 *       broker and whatever else runs on the box. Any process may lower its own threads this way.
 *       The price is the journal's pace: acknowledgements wait while the cores are busy.</li>
 *   <li>{@link #alertPathNice}: a milder form of the first. The alert path's threads stay ordinary but
 *       at a negative nice value, so that Linux gives them a larger share of a busy core and lets
 *       them in sooner when they wake (at nice -10 a thread weighs 9,548 against an ordinary
 *       thread's 1,024, the kernel's {@code sched_prio_to_weight} table); every other thread keeps a
 *       share and nothing starves, so the collector keeps up. Lowering a nice value below 0 needs
 *       CAP_SYS_NICE or a matching RLIMIT_NICE, which a systemd unit grants with
 *       {@code LimitNICE=-10}. Nice values weigh a thread against the others of its scheduling
 *       group: with the kernel's autogroups (one per session: a systemd service, a login shell; see
 *       {@code sched(7)}) or a service's own CPU cgroup, they rank the gateway's threads among
 *       themselves, not against other programs.</li>
 *   <li>{@link #backgroundNice}: a milder form of the second. The output stage, the ward view and its
 *       observer, the metrics and the JIT compiler's threads stay ordinary but at a positive nice
 *       value, so that Linux gives them a smaller share of a busy core and lets a woken alert-path
 *       thread in sooner; they never starve. The journal (acknowledgements wait for it) and the
 *       garbage collector (which must keep up with allocation) keep their full share. Needs no
 *       privilege either.</li>
 * </ul>
 * Threads are looked for in {@code /proc/self/task} at start and then every few seconds (Paho starts
 * new threads when it reconnects, HotSpot adds compiler threads as it needs them), and moved with
 * {@code chrt} or {@code renice}. Where that is refused, the gateway
 * says so once and runs on as it is.
 */
final class ThreadScheduling implements AutoCloseable {
    /**
     * Names of the threads on an alert's path: MLLP event loops, Paho's threads, the engine. Linux
     * keeps the first 15 bytes of a thread's name, so Paho's "MQTT Rec: client-id" is matched by its start.
     */
    static final Pattern ALERT_PATH = Pattern.compile("agent-engine|mllp-.*|MQTT (Rec|Snd|Call): .*");
    /** Names of the threads no alert waits for: journal, output stage, ward view and its observer, metrics. */
    static final Pattern BACKGROUND = Pattern.compile("agent-journal|agent-output|agent-observer|ward-view|metrics");
    /**
     * Names of the threads {@link #backgroundNice} lowers: output stage, ward view and its observer,
     * metrics, and HotSpot's compiler threads ("C2 CompilerThread0", cut to 15 bytes by Linux).
     */
    static final Pattern LOWERED = Pattern.compile("agent-output|agent-observer|ward-view|metrics|C[12] CompilerThre.*");
    private static final Logger LOG = LoggerFactory.getLogger(ThreadScheduling.class);

    /** A Linux scheduling class: its {@code chrt} option and its number in {@code /proc/.../stat} (field 41). */
    enum Policy {
        ROUND_ROBIN("--rr", 2),
        IDLE("--idle", 5),
        /** Ordinary scheduling (SCHED_OTHER) at a positive nice value, set with {@code renice}. */
        NICE(null, 0);

        final String chrtOption;
        final int procCode;

        Policy(String chrtOption, int procCode) {
            this.chrtOption = chrtOption;
            this.procCode = procCode;
        }
    }

    /** {@code policy} in {@code /proc/.../stat} for ordinary threads, SCHED_OTHER. */
    static final int SCHED_OTHER = 0;

    private final Path tasks;
    private final Pattern names;
    private final Policy policy;
    private final int priority;
    private final String role;
    private final ScheduledExecutorService timer;
    private volatile String refusal;

    /**
     * @param tasks    the process's thread folder, {@code /proc/self/task}
     * @param names    thread names to move
     * @param policy   the class to move them to
     * @param priority real-time priority, 1 (lowest) to 99, for {@link Policy#ROUND_ROBIN}; 0 for {@link Policy#IDLE};
     *                 the nice value, -20 to -1 or 1 to 19, for {@link Policy#NICE}
     * @param periodMs how often new threads are looked for
     * @param role     what the moved threads are, for the log
     */
    ThreadScheduling(Path tasks, Pattern names, Policy policy, int priority, long periodMs, String role) {
        if (policy == Policy.ROUND_ROBIN && (priority < 1 || priority > 99)) {
            throw new IllegalArgumentException("real-time priority " + priority + " (expected: 1 to 99)");
        }
        if (policy == Policy.IDLE && priority != 0) {
            throw new IllegalArgumentException("SCHED_IDLE has no priority, was given " + priority);
        }
        if (policy == Policy.NICE && (priority < -20 || priority > 19 || priority == 0)) {
            throw new IllegalArgumentException("nice value " + priority + " (expected: -20 to -1, or 1 to 19)");
        }
        this.tasks = tasks;
        this.names = names;
        this.policy = policy;
        this.priority = priority;
        this.role = role;
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "thread-scheduling");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(this::moveNewThreads, 0, periodMs, TimeUnit.MILLISECONDS);
    }

    /** The alert path's threads at real-time priority {@code priority} (SCHED_RR). */
    static ThreadScheduling alertPathFirst(int priority) {
        return new ThreadScheduling(Path.of("/proc/self/task"), ALERT_PATH, Policy.ROUND_ROBIN, priority, 5_000,
                "alert-path threads");
    }

    /** The threads no alert waits for at SCHED_IDLE. */
    static ThreadScheduling backgroundIdle() {
        return new ThreadScheduling(Path.of("/proc/self/task"), BACKGROUND, Policy.IDLE, 0, 5_000,
                "background threads");
    }

    /**
     * The alert path's threads at nice value {@code niceness} (-20 to -1): still ordinary threads, with a
     * larger share of a busy core. Needs CAP_SYS_NICE or an RLIMIT_NICE that allows it.
     */
    static ThreadScheduling alertPathNice(int niceness) {
        return new ThreadScheduling(Path.of("/proc/self/task"), ALERT_PATH, Policy.NICE, niceness, 5_000,
                "alert-path threads");
    }

    /** The threads no alert waits for, but not the journal, at nice value {@code niceness} (1 to 19). */
    static ThreadScheduling backgroundNice(int niceness) {
        return new ThreadScheduling(Path.of("/proc/self/task"), LOWERED, Policy.NICE, niceness, 5_000,
                "background threads");
    }

    /** Why the system refused, or null while it has not. */
    String refusal() {
        return refusal;
    }

    private void moveNewThreads() {
        try (DirectoryStream<Path> threads = Files.newDirectoryStream(tasks)) {
            for (Path thread : threads) {
                String name = read(thread.resolve("comm"));
                if (name == null || !names.matcher(name).matches() || moved(thread)) {
                    continue;
                }
                String failure = move(thread.getFileName().toString());
                if (failure != null) {
                    refusal = failure;
                    LOG.warn("{} stay at ordinary priority: {} (see docs/performance.md)", role, failure);
                    timer.shutdown();
                    return;
                }
            }
        } catch (IOException | RuntimeException e) {
            refusal = String.valueOf(e);
            LOG.warn("{} stay at ordinary priority: cannot list them ({})", role, e.toString());
            timer.shutdown();
        }
    }

    private boolean moved(Path thread) {
        return policy == Policy.NICE ? niceness(thread) == priority : policy(thread) == policy.procCode;
    }

    /** Runs {@code chrt} or {@code renice}; null when it succeeded, otherwise what it said. */
    private String move(String tid) throws IOException {
        String[] command = policy == Policy.NICE
                ? new String[] {"renice", "-n", Integer.toString(priority), "-p", tid}
                : new String[] {"chrt", policy.chrtOption, "--pid", Integer.toString(priority), tid};
        Process tool = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            String said = new String(tool.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return tool.waitFor() == 0 ? null : command[0] + ": " + said;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    /** A thread's scheduling policy, or -1 if it has gone. */
    static int policy(Path thread) {
        return statField(thread, 41);
    }

    /**
     * A thread's nice value, or -1 if it has gone (-1 is also a nice value: a thread that has gone
     * may read as moved, which is harmless).
     */
    static int niceness(Path thread) {
        return statField(thread, 19);
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
