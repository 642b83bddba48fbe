package org.infusionwatch.agent.journal;

/**
 * The durable, append-only record of every input, in ring order. Written by one thread only
 * (the journal handler). {@link #append} stages a row; {@link #commit} makes every staged row
 * durable and is the moment acknowledgements may be released.
 */
public interface InputJournal extends AutoCloseable {

    /** Stages one input and returns the journal sequence number it will have once committed. */
    long append(JournalRecord record);

    /** Makes all staged rows durable (synced to disk). Throws if they could not be stored. */
    void commit();

    @Override
    void close();
}
