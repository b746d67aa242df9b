package dev.candor.aftersales;

import java.util.Collection;
import java.util.UUID;

/**
 * Tells whether evidence files belong to a case, so that timeline entries cite only the case's own
 * evidence. The evidence module implements it; after-sales does not depend on that module.
 */
public interface EvidenceCatalog {

    /** True when every id names an evidence file attached to the case. */
    boolean allAttachedTo(UUID caseId, Collection<UUID> evidenceIds);
}
