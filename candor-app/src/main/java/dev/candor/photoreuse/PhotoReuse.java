package dev.candor.photoreuse;

import java.util.List;
import java.util.UUID;

/** The photo-reuse index: PDQ hashes of every claim photo and listing photo, searched for near matches. */
public interface PhotoReuse {

    /**
     * Indexes a claim photo (idempotent) and returns its near matches (distance at most 31 over any of the
     * eight dihedral variants) among earlier claim photos of other buyers and all listing photos.
     */
    List<ReuseMatch> indexClaimPhoto(UUID caseId, UUID evidenceId, String buyerId, String storeId, List<String> dihedralPdqHex);

    /** Near matches of the hashes within {@code maxDistance}, without indexing anything. */
    List<ReuseMatch> matches(List<String> dihedralPdqHex, int maxDistance);
}
