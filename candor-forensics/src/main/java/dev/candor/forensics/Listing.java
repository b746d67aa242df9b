package dev.candor.forensics;

/**
 * A seller's listing photo prepared once (decoded, hashed) to be compared with many evidence photos.
 * Obtain one from {@link Scanner#listing}; other implementations are rejected by the scanner.
 */
public interface Listing {

    /** The name the listing photo was prepared under. */
    String name();

    /** Whether the photo could be decoded and hashed; an unusable listing never matches. */
    boolean usable();

    /** The photo's PDQ hashes and quality, {@code null} when it could not be decoded. */
    ForensicReport.Pdq pdq();
}
