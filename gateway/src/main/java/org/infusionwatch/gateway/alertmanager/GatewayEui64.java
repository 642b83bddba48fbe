package org.infusionwatch.gateway.alertmanager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.random.RandomGenerator;

/**
 * The gateway's EUI-64, which names it as the sender of its PCD-04 messages (MSH-3, and the
 * universal id of OBR-2, OBR-3 and OBR-29), as devices name themselves in the IHE PCD profiles. A
 * configured one is used as given; otherwise one is made at the first start and kept in the data
 * folder ({@value #FILE}), so the alert manager sees the same sender across restarts. A made one
 * is locally administered (second-lowest bit of the first octet set, lowest clear), so it cannot
 * collide with a manufacturer's assigned identifiers.
 */
public final class GatewayEui64 {
    /** The file in the data folder that keeps a made EUI-64. */
    public static final String FILE = "gateway-eui64.txt";

    private GatewayEui64() {
    }

    /** {@code value} in canonical form (16 upper-case hexadecimal digits). */
    public static String require(String value) {
        String v = value == null ? "" : value.strip().toUpperCase(Locale.ROOT);
        if (!v.matches("[0-9A-F]{16}")) {
            throw new IllegalArgumentException("an EUI-64 is 16 hexadecimal digits, was: " + value);
        }
        return v;
    }

    /** The EUI-64 kept in {@code dataDir}, made with {@code random} and kept there if there is none. */
    public static String loadOrCreate(Path dataDir, RandomGenerator random) {
        Path file = dataDir.resolve(FILE);
        try {
            if (Files.exists(file)) {
                String kept = Files.readString(file, StandardCharsets.US_ASCII);
                try {
                    return require(kept);
                } catch (IllegalArgumentException e) {
                    throw new IllegalStateException(file + " does not hold an EUI-64; fix or remove it: " + e.getMessage(), e);
                }
            }
            long bits = random.nextLong();
            bits = (bits & ~(0x01L << 56)) | (0x02L << 56); // unicast, locally administered
            String made = String.format("%016X", bits);
            Files.createDirectories(dataDir);
            Path tmp = dataDir.resolve(FILE + ".tmp");
            try (java.nio.channels.FileChannel out = java.nio.channels.FileChannel.open(tmp,
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.TRUNCATE_EXISTING,
                    java.nio.file.StandardOpenOption.WRITE)) {
                out.write(java.nio.ByteBuffer.wrap((made + "\n").getBytes(StandardCharsets.US_ASCII)));
                out.force(true); // on disk before it takes the name: a crash leaves no empty file behind
            }
            Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            return made;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the gateway's EUI-64 in " + dataDir, e);
        }
    }
}
