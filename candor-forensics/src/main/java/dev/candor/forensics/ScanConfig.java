package dev.candor.forensics;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Scanner settings. Start from {@link #defaults()} and change what you need with the {@code with...} methods.
 *
 * @param maxPixels      refuse photos whose header declares more pixels (default 50 megapixels)
 * @param maxBytes       refuse files larger than this many bytes (default 25 MiB)
 * @param maxJpegScans   refuse JPEGs with more scans (SOS markers) than this (default 100)
 * @param decodeTimeout  wall-clock limit for decoding one photo (default 2 s)
 * @param trustAnchors   root certificates a C2PA signer must chain to; empty means every valid signature is
 *                       reported as valid but untrusted ({@code signingCredential.untrusted})
 * @param extraChecks    checks run after the built-in ones, in order
 */
public record ScanConfig(long maxPixels, long maxBytes, int maxJpegScans, Duration decodeTimeout,
                         List<X509Certificate> trustAnchors, List<ForensicCheck> extraChecks) {

    public ScanConfig {
        if (maxPixels <= 0 || maxBytes <= 0 || maxJpegScans <= 0 || decodeTimeout.isNegative() || decodeTimeout.isZero()) {
            throw new IllegalArgumentException("limits must be positive");
        }
        trustAnchors = List.copyOf(trustAnchors);
        extraChecks = List.copyOf(extraChecks);
    }

    public static ScanConfig defaults() {
        return new ScanConfig(50_000_000L, 25L * 1024 * 1024, 100, Duration.ofSeconds(2), List.of(), List.of());
    }

    public ScanConfig withLimits(long maxPixels, long maxBytes, int maxJpegScans, Duration decodeTimeout) {
        return new ScanConfig(maxPixels, maxBytes, maxJpegScans, decodeTimeout, trustAnchors, extraChecks);
    }

    public ScanConfig withTrustAnchors(List<X509Certificate> anchors) {
        return new ScanConfig(maxPixels, maxBytes, maxJpegScans, decodeTimeout, anchors, extraChecks);
    }

    public ScanConfig withCheck(ForensicCheck check) {
        List<ForensicCheck> checks = new ArrayList<>(extraChecks);
        checks.add(check);
        return new ScanConfig(maxPixels, maxBytes, maxJpegScans, decodeTimeout, trustAnchors, checks);
    }
}
