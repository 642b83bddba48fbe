package org.infusionwatch.agent.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.infusionwatch.agent.journal.InputJournal;
import org.infusionwatch.agent.journal.JournalRecord;
import org.junit.jupiter.api.Test;

/** The journal's commits under load, on a hand-driven clock whose pauses move it on. */
class JournalCommitSpacingTest {
    private static final InputSource SOURCE = new InputSource(InputSource.Format.HL7_MLLP, "test");
    private static final long GAP_NS = 2_000_000;

    private long nowNs = 1_000_000_000L;
    private final List<Long> pauses = new ArrayList<>();
    private final List<Long> commitsAtNs = new ArrayList<>();
    private final List<String> order = new ArrayList<>();
    private int appended;
    /** How long each commit's sync takes on the hand-driven clock. */
    private long syncNs = 400_000;

    private final InputJournal journal = new InputJournal() {
        @Override
        public long append(JournalRecord record) {
            return ++appended;
        }

        @Override
        public void commit() {
            commitsAtNs.add(nowNs);
            order.add("commit");
            nowNs += syncNs;
        }

        @Override
        public void close() {
        }
    };

    private JournalHandler handler(long gapNs, int maxBatch) {
        return new JournalHandler(journal, () -> 0L, maxBatch, new BatchSpacing(gapNs, () -> nowNs, ns -> {
            pauses.add(ns);
            order.add("pause");
            nowNs += ns;
        }));
    }

    private InboundEvent input(int n) {
        InboundEvent e = new InboundEvent(1);
        e.set(InputKind.DEVICE_REPORT, SOURCE, 1, ("raw-" + n).getBytes(StandardCharsets.US_ASCII), new AckHandle() {
            @Override
            public void durable(long journalSeq) {
                order.add("ack " + journalSeq);
            }

            @Override
            public void failed(Throwable cause) {
                order.add("failed " + n);
            }
        });
        return e;
    }

    @Test
    void shouldCommitAtOnceAfterAQuietSpellAndWaitOutTheGapWhileInputsKeepComing() {
        JournalHandler journalHandler = handler(GAP_NS, 512);

        journalHandler.onEvent(input(1), 0, true);
        nowNs += 300_000;
        journalHandler.onEvent(input(2), 1, false);
        journalHandler.onEvent(input(3), 2, true);
        nowNs += 5_000_000;
        journalHandler.onEvent(input(4), 3, true);

        assertThat(pauses).as("only the batch that came 0.3 ms after a 0.4-ms commit waits, for the rest of the gap")
                .containsExactly(1_300_000L);
        assertThat(commitsAtNs).as("the gap runs from the start of a commit")
                .containsExactly(1_000_000_000L, 1_002_000_000L, 1_007_400_000L);
        assertThat(order).as("acknowledged only once committed, and a batch's acknowledgements together")
                .containsExactly("commit", "ack 1", "pause", "commit", "ack 2", "ack 3", "commit", "ack 4");
    }

    @Test
    void shouldCommitAtOnceWhenTheLastSyncTookLongerThanTheGap() {
        JournalHandler journalHandler = handler(GAP_NS, 512);
        syncNs = 3_000_000;

        journalHandler.onEvent(input(1), 0, true);
        journalHandler.onEvent(input(2), 1, true);

        assertThat(pauses).isEmpty();
        assertThat(commitsAtNs).containsExactly(1_000_000_000L, 1_003_000_000L);
    }

    @Test
    void shouldNotMakeAFullBatchWait() {
        JournalHandler journalHandler = handler(GAP_NS, 2);

        journalHandler.onEvent(input(1), 0, true);
        journalHandler.onEvent(input(2), 1, false);
        journalHandler.onEvent(input(3), 2, false);

        assertThat(pauses).isEmpty();
        assertThat(order).containsExactly("commit", "ack 1", "commit", "ack 2", "ack 3");
    }

    @Test
    void shouldCommitEveryCaughtUpBatchAtOnceWithoutAGap() {
        JournalHandler journalHandler = handler(BatchSpacing.NONE, 512);

        for (int i = 0; i < 5; i++) {
            journalHandler.onEvent(input(i), i, true);
            nowNs += 10_000;
        }

        assertThat(pauses).isEmpty();
        assertThat(commitsAtNs).hasSize(5);
    }

    @Test
    void shouldRefuseANegativeGap() {
        assertThatThrownBy(() -> new BatchSpacing(-1, () -> 0L, ns -> { }))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("negative");
    }
}
