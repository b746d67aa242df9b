package dev.candor.forensics;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Path;

/** Reads the test fixtures copied into {@code src/test/resources/fixtures} (each folder has its README). */
public final class Fixtures {

    private Fixtures() {
    }

    public static byte[] bytes(String path) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Path path(String path) {
        try {
            return Path.of(Fixtures.class.getResource("/fixtures/" + path).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(e);
        }
    }

    public static String text(String path) {
        return new String(bytes(path), java.nio.charset.StandardCharsets.UTF_8);
    }
}
