package dev.candor.photoreuse;

import java.util.List;
import java.util.UUID;

/**
 * The photo reuse index. Hashes are a photo's eight dihedral PDQ hashes as the forensics report gives them
 * ({@code ForensicReport.Pdq#dihedrals()}, original first); callers should leave out photos whose PDQ quality
 * is below {@link #QUALITY_FLOOR}.
 */
public interface PhotoReuse {

    /** The distance up to which two photos count as copies (Meta's recommended PDQ threshold). */
    int MATCH_DISTANCE = 31;

    /** Below this PDQ quality a photo's hashes say little and are not fit for matching (Meta's PDQ documentation). */
    int QUALITY_FLOOR = 50;

    /**
     * Records a claim photo (idempotent: the same evidence again changes nothing) and returns its near copies
     * within {@link #MATCH_DISTANCE}: claim photos recorded before it by other buyers in other cases, and
     * listing photos of every store, closest first. Joins the caller's transaction; other searches see the
     * photo once that commits.
     */
    List<ReuseMatch> indexClaimPhoto(UUID caseId, UUID evidenceId, String buyerId, String storeId,
                                     List<String> dihedralPdqHex);

    /**
     * Every indexed photo within {@code maxDistance} (0-63) of any of the hashes, closest first, without
     * recording anything.
     */
    List<ReuseMatch> matches(List<String> dihedralPdqHex, int maxDistance);
}
