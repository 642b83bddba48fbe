package org.infusionwatch.gateway.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** The shared, read-only folder of real IHE PCD messages beside the project; read in place, never copied. */
public final class Hl7Samples {

    private Hl7Samples() {
    }

    /** {@code infusionwatch.shared}/hl7-samples, else ../../shared or ../shared from the module dir. */
    public static Optional<Path> folder() {
        String shared = System.getProperty("infusionwatch.shared");
        Stream<Path> candidates = Stream.of(
                shared == null ? null : Paths.get(shared, "hl7-samples"),
                Paths.get("../../shared/hl7-samples"),
                Paths.get("../shared/hl7-samples"));
        return candidates.filter(p -> p != null && Files.isDirectory(p)).findFirst();
    }

    public static List<Path> files(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".hl7")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** MSH-{@code n} of the raw text, split by hand so the check does not rely on the code under test. */
    public static String mshField(byte[] message, int n) {
        String msh = new String(message, StandardCharsets.ISO_8859_1).split("\r", 2)[0];
        String[] fields = msh.split("\\|", -1);
        return n - 1 < fields.length ? fields[n - 1] : "";
    }
}
