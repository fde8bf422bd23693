package io.kmarket.e2e;

import java.nio.file.Files;
import java.nio.file.Path;

/** The git checkout this module belongs to: Maven runs the tests in deploy/e2e, the applications live beside it. */
final class Checkout {

    private Checkout() {
    }

    static Path root() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("deploy/db/roles.sql"))) {
                return dir;
            }
        }
        throw new IllegalStateException("cannot find the kmarket repository root above " + Path.of("").toAbsolutePath());
    }
}
