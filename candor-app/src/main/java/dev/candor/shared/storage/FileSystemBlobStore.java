package dev.candor.shared.storage;

import dev.candor.shared.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Stores blobs as {@code <dir>/<area>/<ab>/<cd>/<sha256>}, written to a temporary file first and moved
 * into place, so a reader never sees a half-written file and concurrent writers of the same bytes agree.
 * Directories are created owner-only (rwx------): originals are for Candor, not for the web server.
 */
@Component
class FileSystemBlobStore implements BlobStore {

    private static final Pattern AREA = Pattern.compile("[a-z][a-z0-9-]{0,62}");
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private final Path root;

    FileSystemBlobStore(@Value("${candor.storage.dir}") Path root) {
        this.root = root.toAbsolutePath();
    }

    @Override
    public String put(String area, byte[] bytes) throws IOException {
        String hash = Sha256.hex(bytes);
        Path target = path(area, hash);
        if (Files.exists(target)) {
            return hash;
        }
        createPrivateDirectories(target.getParent());
        Path temporary = Files.createTempFile(target.getParent(), hash, ".tmp");
        try {
            Files.write(temporary, bytes);
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException | FileAlreadyExistsException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
        return hash;
    }

    @Override
    public Optional<InputStream> open(String area, String sha256) throws IOException {
        Path file = path(area, sha256);
        return Files.exists(file) ? Optional.of(Files.newInputStream(file)) : Optional.empty();
    }

    private Path path(String area, String sha256) {
        if (!AREA.matcher(area).matches() || !SHA256.matcher(sha256).matches()) {
            throw new IllegalArgumentException("invalid blob area or hash");
        }
        return root.resolve(area).resolve(sha256.substring(0, 2)).resolve(sha256.substring(2, 4)).resolve(sha256);
    }

    private static void createPrivateDirectories(Path directory) throws IOException {
        if (Files.isDirectory(directory)) {
            return;
        }
        try {
            Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (UnsupportedOperationException notPosix) {
            Files.createDirectories(directory);
        }
    }
}
