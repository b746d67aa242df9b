package dev.candor.photoreuse;

import java.util.UUID;

/**
 * An indexed photo near the one searched for.
 *
 * @param ref the evidence id of a claim photo, the SHA-256 of a listing photo
 * @param caseId the claim's case, {@code null} for a listing photo
 * @param buyerId the claim's buyer, {@code null} for a listing photo
 * @param distance the PDQ Hamming distance, 0-256
 */
public record ReuseMatch(Source source, String ref, UUID caseId, String buyerId, String storeId, int distance) {

    public enum Source {
        CLAIM, LISTING
    }
}
