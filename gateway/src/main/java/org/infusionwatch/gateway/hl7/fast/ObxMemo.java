package org.infusionwatch.gateway.hl7.fast;

import java.util.Arrays;
import org.infusionwatch.agent.model.ObservationKind;

/**
 * What was read from the OBX at one position in a device's messages, with the bytes it was read
 * from. A device repeats its report layout: from one report to the next its n-th OBX differs only
 * in the value (OBX-5) and the time (OBX-14). When every other byte of the segment is the same as
 * last time, device, type, code, unit and kind are the same too and need not be read again; the
 * value and time always are. Kept per header (see {@link MshReader}), so delimiters and charset
 * are the same as when it was filled.
 *
 * <p>Not thread-safe; owned by the decoder.
 */
final class ObxMemo {

    private byte[] bytes = new byte[0];
    private int headLength;
    private int middleLength;
    private int tailLength;
    private boolean valid;
    /** When this memo last matched or was filled, in OBX read by the decoder: the older of two is refilled. */
    long used;

    /** Whether type, code, unit and kind were read (an OBX without value has only its device). */
    boolean detailed;
    String device;
    ObxScanner.ValueType type;
    int mdcCode;
    String refId;
    String unit;
    int unitCode;
    ObservationKind kind;

    /**
     * Whether the segment is made of the remembered bytes around OBX-5 and OBX-14: head = the
     * segment up to OBX-5, middle = from the end of OBX-5 to OBX-14, tail = after OBX-14.
     */
    boolean matches(byte[] message, int headFrom, int headTo, int middleFrom, int middleTo, int tailFrom,
                    int tailTo) {
        return valid
                && headTo - headFrom == headLength && middleTo - middleFrom == middleLength
                && tailTo - tailFrom == tailLength
                && Arrays.equals(bytes, 0, headLength, message, headFrom, headTo)
                && Arrays.equals(bytes, headLength, headLength + middleLength, message, middleFrom, middleTo)
                && Arrays.equals(bytes, headLength + middleLength, headLength + middleLength + tailLength,
                        message, tailFrom, tailTo);
    }

    /** Drops what is remembered, before it is read again. */
    void forget() {
        valid = false;
        detailed = false;
    }

    /** Remembers the bytes the current values were read from. */
    void remember(byte[] message, int headFrom, int headTo, int middleFrom, int middleTo, int tailFrom, int tailTo) {
        headLength = headTo - headFrom;
        middleLength = middleTo - middleFrom;
        tailLength = tailTo - tailFrom;
        int length = headLength + middleLength + tailLength;
        if (length > bytes.length) {
            bytes = new byte[Math.max(length, 2 * bytes.length)];
        }
        System.arraycopy(message, headFrom, bytes, 0, headLength);
        System.arraycopy(message, middleFrom, bytes, headLength, middleLength);
        System.arraycopy(message, tailFrom, bytes, headLength + middleLength, tailLength);
        valid = true;
    }
}
