package dev.candor.forensics;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Scans evidence photos. Thread-safe: one scanner may scan many photos in parallel.
 * A scan never throws for a bad photo; problems are reported in {@link ForensicReport#errors()} and the
 * verdict {@link Verdict#UNREADABLE}.
 */
public interface Scanner {

    /** Scans a photo given as bytes; {@code name} is reported as the file name. */
    ForensicReport scan(String name, byte[] bytes, ScanContext context);

    /**
     * Scans a file; a file larger than the configured limit is refused without being read.
     *
     * @throws IOException when the file cannot be read at all
     */
    ForensicReport scan(Path file, ScanContext context) throws IOException;

    /** Prepares a listing photo for {@link ScanContext#listings()}. */
    Listing listing(String name, byte[] bytes);

    /**
     * Prepares a listing photo from a file.
     *
     * @throws IOException when the file cannot be read at all
     */
    Listing listing(Path file) throws IOException;
}
