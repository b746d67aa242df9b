package dev.candor.photoreuse;

import java.util.UUID;

/**
 * An indexed photo near a searched one.
 *
 * @param ref      for a claim photo its evidence id; for a listing photo the SHA-256 of its bytes
 * @param caseId   the claim's case, {@code null} for a listing photo
 * @param buyerId  the claim's buyer, {@code null} for a listing photo
 * @param storeId  the store the claim was against, or whose listing shows the photo
 * @param distance the smallest PDQ distance over the searched photo's rotations and flips
 */
public record ReuseMatch(Source source, String ref, UUID caseId, String buyerId, String storeId, int distance) {

    public enum Source {
        CLAIM, LISTING
    }
}
