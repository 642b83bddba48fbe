package org.infusionwatch.gateway.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Waits for Ctrl-C (or a time limit) so a command can close what it started, in order. */
final class Shutdown {
    private final CountDownLatch requested = new CountDownLatch(1);
    private final CountDownLatch finished = new CountDownLatch(1);

    Shutdown() {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            requested.countDown();
            try {
                finished.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "shutdown"));
    }

    /** Blocks until Ctrl-C, or until {@code seconds} have passed when above zero. */
    void await(long seconds) throws InterruptedException {
        if (seconds > 0) {
            requested.await(seconds, TimeUnit.SECONDS);
        } else {
            requested.await();
        }
    }

    /** Lets the JVM exit once the command has closed everything. */
    void done() {
        finished.countDown();
    }
}
