package org.infusionwatch.gateway.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * Finds a tool from a Debian package that a test needs. In CI ({@code CI=true}) a missing tool
 * fails the test, since {@code .ci/run} installs it; on a developer's machine the test is skipped
 * with a message saying what to install.
 */
public final class DebianTool {
    private DebianTool() {
    }

    public static Path require(String name, String debianPackage) {
        for (String dir : new String[] {"/usr/bin", "/usr/sbin", "/usr/local/bin"}) {
            Path p = Path.of(dir, name);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        String message = name + " not found: install the Debian package " + debianPackage + " (.ci/run does)";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException(message);
        }
        Assumptions.abort(message);
        return null;
    }
}
