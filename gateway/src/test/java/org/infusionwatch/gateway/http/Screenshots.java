package org.infusionwatch.gateway.http;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the browser tests put the screenshots the README shows: {@code docs/screenshots/} of the project. */
final class Screenshots {
    private Screenshots() {
    }

    static Path path(String name) {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isRegularFile(dir.resolve("docs/architecture.md"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("cannot find the project's docs folder above " + Path.of("").toAbsolutePath());
        }
        return dir.resolve("docs/screenshots").resolve(name);
    }
}
