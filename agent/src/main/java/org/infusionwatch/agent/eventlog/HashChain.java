package org.infusionwatch.agent.eventlog;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Row hash = SHA-256 over the previous row's hash, the row's sequence number and every column,
 * separated by the ASCII unit separator (0x1F) so that no two different rows encode alike.
 */
final class HashChain {
    private static final char SEP = '\u001f';

    private HashChain() {
    }

    static String hash(String prevHash, long seq, EventRow r) {
        StringBuilder sb = new StringBuilder(256)
                .append(prevHash).append(SEP).append(seq).append(SEP)
                .append(r.kind()).append(SEP).append(nullToEmpty(r.alertId())).append(SEP)
                .append(r.unit()).append(SEP).append(r.bed()).append(SEP)
                .append(nullToEmpty(r.patient())).append(SEP).append(nullToEmpty(r.infusionId())).append(SEP)
                .append(r.code()).append(SEP).append(r.state()).append(SEP)
                .append(r.eventMs()).append(SEP).append(r.onsetMs()).append(SEP)
                .append(r.payload());
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(sb.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from this JVM", e);
        }
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
