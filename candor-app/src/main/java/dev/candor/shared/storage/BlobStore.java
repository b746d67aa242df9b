package dev.candor.shared.storage;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * Content-addressed file storage: bytes are stored under their SHA-256, in a named area (for example
 * {@code evidence-originals}, readable only by Candor, or {@code listing-photos}). Storing the same bytes
 * twice stores them once. The default is a directory ({@code candor.storage.dir}).
 */
public interface BlobStore {

    /** Stores the bytes and returns their lower-case hexadecimal SHA-256. */
    String put(String area, byte[] bytes) throws IOException;

    /** Opens stored bytes, or empty when the area holds nothing under that hash. */
    Optional<InputStream> open(String area, String sha256) throws IOException;
}
