package org.infusionwatch.agent.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.infusionwatch.agent.journal.InputJournal;
import org.infusionwatch.agent.journal.JournalRecord;
import org.infusionwatch.agent.model.BedRef;
import org.infusionwatch.agent.model.DeviceReport;
import org.infusionwatch.agent.model.ReportKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Each stage lets go of a slot's contents as soon as no later reader needs them. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class SlotReleaseTest {
    private static final InputSource SOURCE = new InputSource(InputSource.Format.HL7_MLLP, "test");
    private static final DeviceReport REPORT = new DeviceReport("m1", ReportKind.OBSERVATIONS,
            new BedRef("ICU-A", "BED01"), "VENT-1", 0, List.of(), null);

    private static InboundEvent filled(int readers) {
        InboundEvent e = new InboundEvent(readers);
        e.set(InputKind.DEVICE_REPORT, SOURCE, 1, "raw".getBytes(StandardCharsets.US_ASCII), AckHandle.NONE);
        e.report = REPORT;
        return e;
    }

    @Test
    void shouldKeepTheDecodedInputUntilItsLastReaderIsDone() {
        InboundEvent e = filled(2);

        assertThat(e.inputRead()).isFalse();
        assertThat(e.report()).isSameAs(REPORT);
        assertThat(e.inputRead()).isTrue();
        assertThat(e.report()).isNull();
    }

    @Test
    void shouldCountReadersAfreshEachTimeTheSlotIsFilled() {
        InboundEvent e = filled(2);
        e.inputRead();
        e.inputRead();

        e.set(InputKind.DEVICE_REPORT, SOURCE, 2, new byte[1], AckHandle.NONE);
        e.report = REPORT;

        assertThat(e.inputRead()).isFalse();
        assertThat(e.report()).isSameAs(REPORT);
    }

    @Test
    void shouldDropTheInputExactlyOnceWhenTwoReadersFinishTogether() throws Exception {
        int slots = 20_000;
        List<InboundEvent> events = new ArrayList<>(slots);
        for (int i = 0; i < slots; i++) {
            events.add(filled(2));
        }
        AtomicInteger dropped = new AtomicInteger();
        CountDownLatch go = new CountDownLatch(1);
        Runnable reader = () -> {
            try {
                go.await();
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                return;
            }
            for (InboundEvent e : events) {
                if (e.inputRead()) {
                    dropped.incrementAndGet();
                }
            }
        };
        CompletableFuture<Void> a = CompletableFuture.runAsync(reader);
        CompletableFuture<Void> b = CompletableFuture.runAsync(reader);
        go.countDown();
        CompletableFuture.allOf(a, b).get(20, TimeUnit.SECONDS);

        assertThat(dropped).hasValue(slots);
        assertThat(events).allSatisfy(e -> assertThat(e.report()).isNull());
    }

    @Test
    void shouldLetTheJournalDropRawBytesAndAcknowledgementButStillReleaseTheAcknowledgement() {
        List<JournalRecord> stored = new ArrayList<>();
        InputJournal journal = new InputJournal() {
            @Override
            public long append(JournalRecord record) {
                stored.add(record);
                return stored.size();
            }

            @Override
            public void commit() {
            }

            @Override
            public void close() {
            }
        };
        List<Long> durable = new ArrayList<>();
        AckHandle ack = new AckHandle() {
            @Override
            public void durable(long journalSeq) {
                durable.add(journalSeq);
            }

            @Override
            public void failed(Throwable cause) {
            }
        };
        InboundEvent e = filled(1);
        e.set(InputKind.DEVICE_REPORT, SOURCE, 1, "raw".getBytes(StandardCharsets.US_ASCII), ack);
        e.report = REPORT;

        new JournalHandler(journal, () -> 0L, 100, 0).onEvent(e, 0, true);

        assertThat(stored).singleElement().satisfies(r -> assertThat(r.payload()).asString(StandardCharsets.US_ASCII)
                .isEqualTo("raw"));
        assertThat(durable).containsExactly(1L);
        assertThat(e.raw()).isNull();
        assertThat(e.ack()).isNull();
        assertThat(e.report()).as("the engine still needs the report").isSameAs(REPORT);
    }
}
