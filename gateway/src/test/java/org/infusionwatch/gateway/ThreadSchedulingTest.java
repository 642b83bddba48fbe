package org.infusionwatch.gateway;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

@EnabledOnOs(OS.LINUX)
class ThreadSchedulingTest {
    private static final Path TASKS = Path.of("/proc/self/task");

    @Test
    @Timeout(30)
    void raisesTheNamedThreadsOnlyOrSaysWhyNot() throws Exception {
        try (NamedThread alertPath = new NamedThread("iw-test-alert"); NamedThread other = new NamedThread("iw-test-other");
             ThreadScheduling priority = new ThreadScheduling(TASKS, Pattern.compile("iw-test-alert"),
                     ThreadScheduling.Policy.ROUND_ROBIN, 2, 50, "test threads")) {
            await().atMost(Duration.ofSeconds(20)).until(() -> priority.refusal() != null
                    || ThreadScheduling.policy(alertPath.proc()) == ThreadScheduling.Policy.ROUND_ROBIN.procCode);
            if (priority.refusal() == null) {
                assertEquals(ThreadScheduling.Policy.ROUND_ROBIN.procCode, ThreadScheduling.policy(alertPath.proc()));
                assertEquals(2, ThreadScheduling.realtimePriority(alertPath.proc()));
            } else {
                assertTrue(priority.refusal().startsWith("chrt"), priority.refusal());
                assertNotEquals(ThreadScheduling.Policy.ROUND_ROBIN.procCode, ThreadScheduling.policy(alertPath.proc()));
            }
            assertEquals(ThreadScheduling.SCHED_OTHER, ThreadScheduling.policy(other.proc()), "a thread off the path stays SCHED_OTHER");
        }
    }

    @Test
    @Timeout(30)
    void putsTheNamedBackgroundThreadsAtIdleWhichNeedsNoPrivilege() throws Exception {
        try (NamedThread background = new NamedThread("iw-test-journal"); NamedThread other = new NamedThread("iw-test-other");
             ThreadScheduling idle = new ThreadScheduling(TASKS, Pattern.compile("iw-test-journal"),
                     ThreadScheduling.Policy.IDLE, 0, 50, "test threads")) {
            await().atMost(Duration.ofSeconds(20)).until(() -> idle.refusal() != null
                    || ThreadScheduling.policy(background.proc()) == ThreadScheduling.Policy.IDLE.procCode);
            assertEquals(null, idle.refusal(), "any process may lower its own threads");
            assertEquals(ThreadScheduling.Policy.IDLE.procCode, ThreadScheduling.policy(background.proc()));
            assertEquals(ThreadScheduling.SCHED_OTHER, ThreadScheduling.policy(other.proc()));
        }
    }

    @Test
    @Timeout(30)
    void lowersTheNamedThreadsWithANiceValueAndLeavesTheOthers() throws Exception {
        try (NamedThread background = new NamedThread("iw-test-view"); NamedThread other = new NamedThread("iw-test-other");
             ThreadScheduling nice = new ThreadScheduling(TASKS, Pattern.compile("iw-test-view"),
                     ThreadScheduling.Policy.NICE, 7, 50, "test threads")) {
            await().atMost(Duration.ofSeconds(20)).until(() -> nice.refusal() != null
                    || ThreadScheduling.niceness(background.proc()) == 7);
            assertEquals(null, nice.refusal(), "any process may raise its own threads' nice value");
            assertEquals(7, ThreadScheduling.niceness(background.proc()));
            assertEquals(ThreadScheduling.SCHED_OTHER, ThreadScheduling.policy(background.proc()), "still an ordinary thread");
            assertEquals(0, ThreadScheduling.niceness(other.proc()), "a thread of another name keeps its nice value");
        }
    }

    @Test
    @Timeout(30)
    void raisesTheNamedThreadsWithANegativeNiceValueOrSaysWhyNot() throws Exception {
        try (NamedThread alertPath = new NamedThread("iw-test-engine"); NamedThread other = new NamedThread("iw-test-other");
             ThreadScheduling nice = new ThreadScheduling(TASKS, Pattern.compile("iw-test-engine"),
                     ThreadScheduling.Policy.NICE, -5, 50, "test threads")) {
            await().atMost(Duration.ofSeconds(20)).until(() -> nice.refusal() != null
                    || ThreadScheduling.niceness(alertPath.proc()) == -5);
            if (nice.refusal() == null) {
                assertEquals(-5, ThreadScheduling.niceness(alertPath.proc()));
                assertEquals(ThreadScheduling.SCHED_OTHER, ThreadScheduling.policy(alertPath.proc()), "still an ordinary thread");
            } else {
                // Without CAP_SYS_NICE or an RLIMIT_NICE that allows it, Linux refuses and the gateway says so.
                assertTrue(nice.refusal().startsWith("renice"), nice.refusal());
                assertEquals(0, ThreadScheduling.niceness(alertPath.proc()));
            }
            assertEquals(0, ThreadScheduling.niceness(other.proc()), "a thread of another name keeps its nice value");
        }
    }

    @Test
    void refusesAPriorityLinuxDoesNotHave() {
        assertThrows(IllegalArgumentException.class,
                () -> new ThreadScheduling(TASKS, Pattern.compile("none"), ThreadScheduling.Policy.ROUND_ROBIN, 100, 50, "t"));
        assertThrows(IllegalArgumentException.class,
                () -> new ThreadScheduling(TASKS, Pattern.compile("none"), ThreadScheduling.Policy.IDLE, 1, 50, "t"));
        assertThrows(IllegalArgumentException.class,
                () -> new ThreadScheduling(TASKS, Pattern.compile("none"), ThreadScheduling.Policy.NICE, 20, 50, "t"));
        assertThrows(IllegalArgumentException.class,
                () -> new ThreadScheduling(TASKS, Pattern.compile("none"), ThreadScheduling.Policy.NICE, -21, 50, "t"));
        assertThrows(IllegalArgumentException.class,
                () -> new ThreadScheduling(TASKS, Pattern.compile("none"), ThreadScheduling.Policy.NICE, 0, 50, "t"));
    }

    @Test
    void theAlertPathAndBackgroundNamesMatchTheGatewaysThreadsAndNeverTheSame() {
        Pattern path = ThreadScheduling.ALERT_PATH;
        Pattern background = ThreadScheduling.BACKGROUND;
        for (String name : new String[] {"agent-engine", "mllp-3-1", "MQTT Rec: infusionwatch-ingest",
                "MQTT Snd: infusionwatch-notices", "MQTT Call: infusionwatch-ingest"}) {
            assertTrue(path.matcher(name).matches(), name);
            assertTrue(!background.matcher(name).matches(), name);
        }
        for (String name : new String[] {"agent-journal", "agent-output", "agent-observer", "ward-view", "metrics"}) {
            assertTrue(background.matcher(name).matches(), name);
            assertTrue(!path.matcher(name).matches(), name);
        }
        Pattern lowered = ThreadScheduling.LOWERED;
        for (String name : new String[] {"agent-output", "agent-observer", "ward-view", "metrics", "C2 CompilerThre",
                "C1 CompilerThre"}) {
            assertTrue(lowered.matcher(name).matches(), name);
            assertTrue(!path.matcher(name).matches(), name);
        }
        for (String name : new String[] {"agent-journal", "agent-engine", "GC Thread#0", "G1 Conc#0"}) {
            assertTrue(!lowered.matcher(name).matches(), name + ": acknowledgements, alerts and the collector keep their share");
        }
    }

    /** A thread that waits, named, until closed; {@link #proc()} is its folder in /proc. */
    private static final class NamedThread implements AutoCloseable {
        private final CountDownLatch done = new CountDownLatch(1);
        private final AtomicReference<Path> proc = new AtomicReference<>();
        private final Thread thread;

        NamedThread(String name) {
            thread = new Thread(() -> {
                try {
                    proc.set(TASKS.resolve(Files.readSymbolicLink(Path.of("/proc/thread-self")).getFileName().toString()));
                    done.await();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }, name);
            thread.start();
            await().atMost(Duration.ofSeconds(10)).until(() -> proc.get() != null);
        }

        Path proc() {
            return proc.get();
        }

        @Override
        public void close() throws InterruptedException {
            done.countDown();
            thread.join();
        }
    }
}
