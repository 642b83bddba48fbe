package org.infusionwatch.gateway.replay;

import java.util.List;
import java.util.Objects;

/**
 * What the decoding thread of a replay hands to the applying thread (see {@link DecodeAhead}):
 * decoded inputs in recording order, then exactly one of {@link End} or {@link Failed}. Immutable,
 * since each value is made on one thread and read on another.
 */
sealed interface DecodedBatch {

    /** The recording's end: every input was handed over. */
    DecodedBatch END = new End();

    /** Consecutive decoded inputs, in recording order. */
    record Inputs(List<RecordedInput> inputs) implements DecodedBatch {
        public Inputs {
            inputs = List.copyOf(inputs);
        }
    }

    /** The recording was read to its end. */
    record End() implements DecodedBatch {
    }

    /** Reading or decoding stopped with {@code cause}; the inputs decoded before it were handed over. */
    record Failed(Throwable cause) implements DecodedBatch {
        public Failed {
            Objects.requireNonNull(cause, "cause");
        }
    }
}
