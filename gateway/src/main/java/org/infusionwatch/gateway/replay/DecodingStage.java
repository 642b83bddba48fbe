package org.infusionwatch.gateway.replay;

import java.util.function.Consumer;

/**
 * The reading half of a replay: walks a recording (journal rows, or the messages of an HL7 file),
 * decodes each input and passes it on, in recording order. {@link DecodeAhead} runs it on a thread
 * of its own, so everything it touches (the decoders, the journal's connection) is used by that
 * one thread only while it runs.
 */
@FunctionalInterface
interface DecodingStage {

    /**
     * Decodes every input of the recording into {@code next}, in order. Whatever it throws ends the
     * replay and is thrown again, unchanged, on the thread that applies the inputs.
     */
    void decodeInto(Consumer<RecordedInput> next);
}
