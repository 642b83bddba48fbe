package org.infusionwatch.gateway.hl7.fast;

import java.util.Arrays;

/**
 * Reads values the way the HAPI path sees them after parsing: components of the first repetition
 * ({@code Terser.get(segment, field, 0, component, 1)}, trimmed as {@code Hl7Fields.get} trims) and
 * whole repetitions as {@code Hl7Fields.text} renders them (components joined with {@code ^},
 * trailing separators dropped, trimmed). Honours the message's own delimiters.
 *
 * <p>Escapes are decoded only where a value has one, into a scratch arena reset per message:
 * {@code \F\ \S\ \T\ \R\ \E\} become the message's delimiters, as HAPI's {@code DefaultEscaping}
 * does; any other escape sequence (formatting, hex, charset, a lone escape character) and any
 * subcomponent separator in a value read are left to HAPI ({@link Fallback}).
 *
 * <p>One per decoder; not thread-safe.
 */
final class ValueReader {

    private byte fieldSeparator;
    private byte componentSeparator;
    private byte repetitionSeparator;
    private byte escape;
    private byte subcomponentSeparator;
    private byte[] arena = new byte[512];
    private int arenaLength;

    void delimiters(byte field, byte component, byte repetition, byte escapeCharacter, byte subcomponent) {
        this.fieldSeparator = field;
        this.componentSeparator = component;
        this.repetitionSeparator = repetition;
        this.escape = escapeCharacter;
        this.subcomponentSeparator = subcomponent;
    }

    byte repetitionSeparator() {
        return repetitionSeparator;
    }

    /** Forgets the decoded values of the previous message. */
    void startMessage() {
        arenaLength = 0;
    }

    /** Component {@code component} (1-based) of a field, decoded and trimmed; empty when absent. */
    Slice component(FieldView view, int component, Slice out) {
        if (component > view.count) {
            return out.set(view.buf, view.to, view.to);
        }
        int from = view.start(component);
        int to = view.end(component);
        if (view.escaped && contains(view.buf, from, to, escape)) {
            int start = arenaLength;
            decode(view.buf, from, to);
            out.set(arena, start, arenaLength);
        } else {
            out.set(view.buf, from, to);
        }
        return out.trim();
    }

    /**
     * One repetition as {@code Hl7Fields.text} renders it: each component decoded, with trailing
     * {@code &} dropped except from the first component of a primitive type (HAPI appends a
     * primitive's value as it is), joined with {@code ^}, trailing {@code ^} dropped, trimmed. The
     * literal characters {@code ^ &} are used whatever the message's delimiters, as HAPI does.
     *
     * @throws Fallback on a subcomponent separator or an unknown escape
     */
    Slice repetitionText(byte[] buf, int from, int to, boolean primitive, Slice out) {
        boolean simple = componentSeparator == '^';
        for (int i = from; i < to; i++) {
            byte b = buf[i];
            if (b == componentSeparator) {
                // HAPI trims ST and FT components on the left, TX on the right, others not: with no
                // whitespace at an inner component edge the type does not matter.
                if ((i > from && (buf[i - 1] & 0xFF) <= ' ') || (i + 1 < to && (buf[i + 1] & 0xFF) <= ' ')) {
                    throw Fallback.of(Fallback.Reason.WHITESPACE);
                }
            } else if (b == escape || b == '&' || b == subcomponentSeparator) {
                simple = false;
            }
        }
        if (simple) {
            // Components already joined by '^' and nothing to decode: only the trailing '^' go.
            int end = to;
            while (end > from && buf[end - 1] == '^') {
                end--;
            }
            return out.set(buf, from, end).trim();
        }
        int start = arenaLength;
        int component = 0;
        int p = from;
        while (true) {
            int q = p;
            while (q < to && buf[q] != componentSeparator) {
                if (buf[q] == subcomponentSeparator) {
                    throw Fallback.of(Fallback.Reason.SUBCOMPONENT);
                }
                q++;
            }
            if (component > 0) {
                put((byte) '^');
            }
            int componentStart = arenaLength;
            decode(buf, p, q);
            if (!primitive || component > 0) {
                while (arenaLength > componentStart && arena[arenaLength - 1] == '&') {
                    arenaLength--;
                }
            }
            component++;
            if (q >= to) {
                break;
            }
            p = q + 1;
        }
        while (arenaLength > start && arena[arenaLength - 1] == '^') {
            arenaLength--;
        }
        return out.set(arena, start, arenaLength).trim();
    }

    /** Copies slices into the arena joined by {@code ~}, as {@code ObxReader} joins repetitions. */
    Slice join(Slice[] parts, int count, Slice out) {
        int start = arenaLength;
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                put((byte) '~');
            }
            Slice part = parts[i];
            ensure(part.length());
            System.arraycopy(part.buf, part.from, arena, arenaLength, part.length());
            arenaLength += part.length();
        }
        return out.set(arena, start, arenaLength);
    }

    /** Appends {@code buf[from, to)} to the arena with the five standard escapes decoded. */
    private void decode(byte[] buf, int from, int to) {
        ensure(to - from);
        for (int i = from; i < to; i++) {
            byte b = buf[i];
            if (b != escape) {
                arena[arenaLength++] = b;
                continue;
            }
            if (i + 2 >= to || buf[i + 2] != escape) {
                throw Fallback.of(Fallback.Reason.ESCAPE);
            }
            arena[arenaLength++] = switch (buf[i + 1]) {
                case 'F' -> fieldSeparator;
                case 'S' -> componentSeparator;
                case 'T' -> subcomponentSeparator;
                case 'R' -> repetitionSeparator;
                case 'E' -> escape;
                default -> throw Fallback.of(Fallback.Reason.ESCAPE);
            };
            i += 2;
        }
    }

    private void put(byte b) {
        ensure(1);
        arena[arenaLength++] = b;
    }

    private void ensure(int more) {
        if (arenaLength + more > arena.length) {
            arena = Arrays.copyOf(arena, Math.max(arena.length * 2, arenaLength + more));
        }
    }

    static boolean contains(byte[] buf, int from, int to, byte b) {
        for (int i = from; i < to; i++) {
            if (buf[i] == b) {
                return true;
            }
        }
        return false;
    }
}
