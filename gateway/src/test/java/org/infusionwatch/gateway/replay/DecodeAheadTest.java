package org.infusionwatch.gateway.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The hand-over between a replay's decoding thread and its applying thread: order kept, the
 * reader's failure thrown on the applying thread as it was thrown, and no thread left behind or
 * waiting forever whichever side fails.
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class DecodeAheadTest {
    /** More inputs than the reader may hold ahead, and not a whole number of batches. */
    private static final int MANY = DecodeAhead.BATCH_SIZE * DecodeAhead.BATCHES_IN_FLIGHT * 3 + 7;

    @Test
    void shouldHandOverEveryInputInRecordingOrderOnTheCallingThread() {
        List<RecordedInput> applied = new ArrayList<>();
        List<Thread> appliedOn = new ArrayList<>();
        AtomicReference<Thread> decodedOn = new AtomicReference<>();

        try (DecodeAhead ahead = DecodeAhead.start(next -> {
            decodedOn.set(Thread.currentThread());
            ticks(0, MANY).forEach(next);
        })) {
            ahead.applyEach(input -> {
                applied.add(input);
                appliedOn.add(Thread.currentThread());
            });
        }

        assertThat(applied).isEqualTo(ticks(0, MANY));
        assertThat(appliedOn).containsOnly(Thread.currentThread());
        assertThat(decodedOn.get()).isNotSameAs(Thread.currentThread());
    }

    @Test
    void shouldEndAtOnceWhenTheRecordingIsEmpty() {
        List<RecordedInput> applied = new ArrayList<>();

        try (DecodeAhead ahead = DecodeAhead.start(next -> { })) {
            ahead.applyEach(applied::add);
        }

        assertThat(applied).isEmpty();
    }

    @Test
    void shouldThrowTheReadersFailureItselfAfterApplyingTheInputsDecodedBeforeIt() {
        RuntimeException failure = new IllegalStateException("journal read failed: disk I/O error");
        List<RecordedInput> applied = new ArrayList<>();

        assertThatThrownBy(() -> {
            try (DecodeAhead ahead = DecodeAhead.start(next -> {
                ticks(0, MANY).forEach(next);
                throw failure;
            })) {
                ahead.applyEach(applied::add);
            }
        }).isSameAs(failure);
        assertThat(applied).isEqualTo(ticks(0, MANY));
    }

    @Test
    void shouldThrowAnErrorOfTheReaderUnchanged() {
        Error failure = new StackOverflowError("deep HL7");

        assertThatThrownBy(() -> {
            try (DecodeAhead ahead = DecodeAhead.start(next -> {
                next.accept(new RecordedInput.Tick(1));
                throw failure;
            })) {
                ahead.applyEach(input -> { });
            }
        }).isSameAs(failure);
    }

    @Test
    void shouldStopTheReaderBeforeReturningWhenApplyingFails() {
        RuntimeException failure = new IllegalStateException("event log write failed");
        AtomicBoolean readerLeft = new AtomicBoolean();
        long[] applied = {0};

        assertThatThrownBy(() -> {
            try (DecodeAhead ahead = DecodeAhead.start(next -> {
                try {
                    // An endless recording: only cancellation ends it.
                    for (long t = 0; ; t++) {
                        next.accept(new RecordedInput.Tick(t));
                    }
                } finally {
                    readerLeft.set(true);
                }
            })) {
                ahead.applyEach(input -> {
                    if (++applied[0] == MANY) {
                        throw failure;
                    }
                });
            }
        }).isSameAs(failure);
        // close() waited for the reading thread: it has left the recording already.
        assertThat(readerLeft).isTrue();
        assertThat(applied[0]).isEqualTo(MANY);
    }

    @Test
    void shouldRefuseToApplyTwice() {
        try (DecodeAhead ahead = DecodeAhead.start(next -> next.accept(new RecordedInput.Tick(1)))) {
            ahead.applyEach(input -> { });

            assertThatThrownBy(() -> ahead.applyEach(input -> { })).isInstanceOf(IllegalStateException.class);
        }
    }

    private static List<RecordedInput> ticks(long from, long to) {
        return LongStream.range(from, to).<RecordedInput>mapToObj(RecordedInput.Tick::new).toList();
    }
}
