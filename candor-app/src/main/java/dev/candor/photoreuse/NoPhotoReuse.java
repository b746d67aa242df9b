package dev.candor.photoreuse;

import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * A stand-in that indexes nothing and finds nothing, so that the forensic stage builds before the reuse index
 * of issue #5 is merged; that merge deletes this file.
 */
@Component
class NoPhotoReuse implements PhotoReuse {

    @Override
    public List<ReuseMatch> indexClaimPhoto(UUID caseId, UUID evidenceId, String buyerId, String storeId,
                                            List<String> dihedralPdqHex) {
        return List.of();
    }

    @Override
    public List<ReuseMatch> matches(List<String> dihedralPdqHex, int maxDistance) {
        return List.of();
    }
}
