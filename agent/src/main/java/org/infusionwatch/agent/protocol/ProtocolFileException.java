package org.infusionwatch.agent.protocol;

/**
 * A protocol file (or profile name) that cannot be used: the message names the file and the field,
 * e.g. {@code protocol file site.properties: field 'hypoxemia.combine' is 'MAYBE', expected AND or
 * OR}. It is the coordinator's input that is wrong, not the program, so the command line shows the
 * message alone. Immutable.
 */
public final class ProtocolFileException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public ProtocolFileException(String message) {
        super(message);
    }
}
