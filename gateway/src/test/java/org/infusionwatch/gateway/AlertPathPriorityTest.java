package org.infusionwatch.gateway;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
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
class AlertPathPriorityTest {
    private static final Path TASKS = Path.of("/proc/self/task");

    @Test
    @Timeout(30)
    void raisesTheNamedThreadsOnlyOrSaysWhyNot() throws Exception {
        CountDownLatch done = new CountDownLatch(1);
        AtomicReference<Path> onPath = new AtomicReference<>();
        AtomicReference<Path> offPath = new AtomicReference<>();
        Thread alertPath = new Thread(() -> awaitQuietly(done, onPath), "iw-test-alert");
        Thread other = new Thread(() -> awaitQuietly(done, offPath), "iw-test-other");
        alertPath.start();
        other.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> onPath.get() != null && offPath.get() != null);
        try (AlertPathPriority priority = new AlertPathPriority(TASKS, Pattern.compile("iw-test-alert"), 2, 50)) {
            await().atMost(Duration.ofSeconds(20)).until(() ->
                    priority.refusal() != null || AlertPathPriority.policy(onPath.get()) == AlertPathPriority.SCHED_RR);
            if (priority.refusal() == null) {
                assertEquals(AlertPathPriority.SCHED_RR, AlertPathPriority.policy(onPath.get()));
                assertEquals(2, AlertPathPriority.realtimePriority(onPath.get()));
            } else {
                assertTrue(priority.refusal().startsWith("chrt"), priority.refusal());
                assertNotEquals(AlertPathPriority.SCHED_RR, AlertPathPriority.policy(onPath.get()));
            }
            assertEquals(0, AlertPathPriority.policy(offPath.get()), "a thread off the path stays SCHED_OTHER");
        } finally {
            done.countDown();
            alertPath.join();
            other.join();
        }
    }

    @Test
    void refusesAPriorityLinuxDoesNotHave() {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new AlertPathPriority(TASKS, Pattern.compile("none"), 100, 50));
    }

    @Test
    void theAlertPathNamesMatchTheGatewaysThreads() {
        Pattern p = AlertPathPriority.ALERT_PATH;
        assertTrue(p.matcher("agent-engine").matches());
        assertTrue(p.matcher("mllp-3-1").matches());
        assertTrue(p.matcher("MQTT Rec: infusionwatch-ingest").matches());
        assertTrue(p.matcher("MQTT Snd: infusionwatch-notices").matches());
        assertTrue(p.matcher("MQTT Call: infusionwatch-ingest").matches());
        assertTrue(!p.matcher("agent-journal").matches() && !p.matcher("ward-view").matches());
    }

    /** Publishes the thread's /proc folder, then waits for the test to finish. */
    private static void awaitQuietly(CountDownLatch done, AtomicReference<Path> self) {
        try {
            self.set(TASKS.resolve(Files.readSymbolicLink(Path.of("/proc/thread-self")).getFileName().toString()));
            done.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
