package org.infusionwatch.gateway.hl7.fast;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** The shared, read-only folder of real IHE PCD messages beside the project; read in place, never copied. */
final class SampleFiles {

    private SampleFiles() {
    }

    /** {@code infusionwatch.shared}/hl7-samples, else ../../shared or ../shared from the module dir. */
    static Optional<Path> folder() {
        String shared = System.getProperty("infusionwatch.shared");
        Stream<Path> candidates = Stream.of(
                shared == null ? null : Paths.get(shared, "hl7-samples"),
                Paths.get("../../shared/hl7-samples"),
                Paths.get("../shared/hl7-samples"));
        return candidates.filter(p -> p != null && Files.isDirectory(p)).findFirst();
    }

    /** Every {@code .hl7} file of the folder, by name. */
    static List<Path> files(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".hl7")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
