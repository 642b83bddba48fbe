package org.infusionwatch.gateway.hl7.fast;

/**
 * The first repetition of one field and where its components start and end, as offsets into the
 * message; filled by {@link SegmentCursor#field}, which located the separators while walking the
 * segment. A reused flyweight, not thread-safe.
 */
final class FieldView {

    byte[] buf;
    /** Start of the field. */
    int from;
    /** End of the first repetition. */
    int to;
    /** Number of components in the first repetition (at least 1). */
    int count;
    /** Whether the field holds the escape character somewhere. */
    boolean escaped;
    /** Component separator offsets of the segment; this field's are {@code separators[first ..]}. */
    int[] separators;
    int first;

    int start(int component) {
        return component == 1 ? from : separators[first + component - 2] + 1;
    }

    int end(int component) {
        return component < count ? separators[first + component - 1] : to;
    }
}
