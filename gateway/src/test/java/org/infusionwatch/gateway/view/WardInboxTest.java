package org.infusionwatch.gateway.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class WardInboxTest {

    @Test
    void shouldAskForOneDrainUntilThatDrainBegins() {
        WardInbox inbox = new WardInbox();
        assertThat(inbox.offer("a")).isTrue();
        assertThat(inbox.offer("b")).isFalse();
        assertThat(inbox.offer("c")).isFalse();

        List<Object> drained = new ArrayList<>();
        assertThat(inbox.drain(drained::add)).isEqualTo(3);
        assertThat(drained).containsExactly("a", "b", "c");

        assertThat(inbox.offer("d")).as("the next item asks again").isTrue();
    }

    @Test
    void shouldLetAnItemOfferedWhileADrainRunsAskForTheNext() {
        WardInbox inbox = new WardInbox();
        inbox.offer("first");
        List<Boolean> askedDuringDrain = new ArrayList<>();
        List<Object> drained = new ArrayList<>();
        inbox.drain(item -> {
            drained.add(item);
            if (item.equals("first")) {
                // Another thread's offer, made after this drain began: the drain may or may not
                // reach it, so it must not count on this one.
                askedDuringDrain.add(inbox.offer("second"));
            }
        });
        assertThat(askedDuringDrain).containsExactly(true);
        assertThat(drained).containsExactly("first", "second");
        assertThat(inbox.drain(drained::add)).isZero();
    }

    @Test
    void shouldLeaveNoItemBehindWhenProducersRaceTheDrainingThread() throws Exception {
        int producers = 4;
        int each = 50_000;
        ScheduledExecutorService drainer = Executors.newSingleThreadScheduledExecutor();
        try {
            WardInbox inbox = new WardInbox();
            List<Object> applied = new ArrayList<>();
            AtomicInteger drainsAsked = new AtomicInteger();
            CountDownLatch go = new CountDownLatch(1);
            List<CompletableFuture<Void>> sent = IntStream.range(0, producers).mapToObj(p -> CompletableFuture.runAsync(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                for (int i = 0; i < each; i++) {
                    if (inbox.offer(new long[] {p, i})) {
                        drainsAsked.incrementAndGet();
                        drainer.execute(() -> inbox.drain(applied::add));
                    }
                }
            })).toList();
            go.countDown();
            CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(20, TimeUnit.SECONDS);

            // Every item must have been drained by a drain somebody asked for: no final drain here.
            List<Object> seen = drainer.submit(() -> new ArrayList<>(applied)).get(20, TimeUnit.SECONDS);
            assertThat(seen).hasSize(producers * each);
            long[] next = new long[producers];
            for (Object o : seen) {
                long[] item = (long[]) o;
                assertThat(item[1]).as("producer %d's items in the order offered", item[0]).isEqualTo(next[(int) item[0]]);
                next[(int) item[0]]++;
            }
            assertThat(drainsAsked.get()).as("drains are shared by items").isLessThan(producers * each);
        } finally {
            drainer.shutdownNow();
        }
    }
}
