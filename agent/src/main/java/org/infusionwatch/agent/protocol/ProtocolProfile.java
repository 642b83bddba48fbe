package org.infusionwatch.agent.protocol;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Properties;

/**
 * The thresholds, windows and hold times of one trial protocol, read from a versioned protocol
 * file. Every alert carries the profile's name and the SHA-256 of the file, so a coordinator can
 * tell exactly which definitions produced it. Immutable.
 *
 * @param name              profile name, e.g. STROMA
 * @param contentHash       SHA-256 of the protocol file's bytes, hex
 * @param windowMs          window after onset for respiratory and cardiovascular events
 * @param longWindowMs      window after onset for cardiac arrest and death
 * @param fio2Rise          HYPOXEMIA_WORSENING: rise of set FiO2 (fraction) against onset
 * @param peepRiseCmH2O     HYPOXEMIA_WORSENING: rise of set PEEP (cmH2O) against onset
 * @param hypoxemiaNeedsBoth true = FiO2 AND PEEP must rise (START), false = either (LANZONI)
 * @param hypoxemiaHoldMs   how long the rise must hold
 */
public record ProtocolProfile(
        String name,
        String contentHash,
        long windowMs,
        long longWindowMs,
        double fio2Rise,
        double peepRiseCmH2O,
        boolean hypoxemiaNeedsBoth,
        long hypoxemiaHoldMs) {

    private static final long MINUTE_MS = 60_000L;

    /** A built-in profile by name (STROMA, START, LANZONI), case-insensitive. */
    public static ProtocolProfile builtIn(String name) {
        String resource = "/protocols/" + name.toUpperCase(Locale.ROOT) + ".properties";
        try (InputStream in = ProtocolProfile.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no built-in protocol profile named " + name);
            }
            return parse(in.readAllBytes(), resource);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A coordinator's own protocol file. */
    public static ProtocolProfile fromFile(Path file) {
        try {
            return parse(Files.readAllBytes(file), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read protocol file " + file, e);
        }
    }

    /** A built-in name or, when {@code nameOrPath} names a file that exists, that file. */
    public static ProtocolProfile resolve(String nameOrPath) {
        Path p = Path.of(nameOrPath);
        return Files.isRegularFile(p) ? fromFile(p) : builtIn(nameOrPath);
    }

    static ProtocolProfile parse(byte[] content, String origin) {
        Properties p = new Properties();
        try {
            p.load(new java.io.InputStreamReader(new ByteArrayInputStream(content), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ProfileFields f = new ProfileFields(p, origin);
        String combine = f.text("hypoxemia.combine");
        if (!combine.equals("AND") && !combine.equals("OR")) {
            throw f.invalid("hypoxemia.combine", combine, "AND or OR");
        }
        return new ProtocolProfile(
                f.text("name"),
                sha256(content),
                f.positive("window.minutes") * MINUTE_MS,
                f.positive("long-window.minutes") * MINUTE_MS,
                f.positiveDecimal("hypoxemia.fio2-rise"),
                f.positiveDecimal("hypoxemia.peep-rise-cmh2o"),
                combine.equals("AND"),
                f.positive("hypoxemia.hold.minutes") * MINUTE_MS);
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
