package dev.candor.forensics.image;

import java.time.Duration;

/**
 * Limits checked before and during decoding.
 *
 * @param maxPixels  width x height above which a file is refused from its header
 * @param maxBytes   file size above which a file is refused unread
 * @param maxScans   JPEG scans (SOS markers) above which a file is refused: progressive bombs repeat scans
 * @param timeout    wall-clock time one decode may take
 */
public record DecodeLimits(long maxPixels, long maxBytes, int maxScans, Duration timeout) {

    public static final DecodeLimits DEFAULT = new DecodeLimits(50_000_000L, 25L * 1024 * 1024, 100, Duration.ofSeconds(2));

    public DecodeLimits {
        if (maxPixels <= 0 || maxBytes <= 0 || maxScans <= 0 || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("decode limits must be positive");
        }
    }
}
