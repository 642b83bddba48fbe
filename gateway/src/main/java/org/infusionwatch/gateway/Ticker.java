package org.infusionwatch.gateway;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.infusionwatch.agent.pipeline.InboundPublisher;

/**
 * Puts the passage of time into the ring at a fixed wall-clock period, so that holds complete
 * and windows close while devices are quiet. The time a tick carries comes from the agent clock
 * (the wall clock in production, a sped-up clock in the demo); ticks are journaled like any input.
 */
public final class Ticker implements AutoCloseable {
    private final ScheduledExecutorService timer;

    public Ticker(InboundPublisher publisher, LongSupplier agentClockMs, long periodMs) {
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "ticker");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleAtFixedRate(() -> publisher.publishTick(agentClockMs.getAsLong()), periodMs, periodMs,
                TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
