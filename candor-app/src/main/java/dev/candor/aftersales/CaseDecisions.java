package dev.candor.aftersales;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The platform's risk decision on a case, shown with the case. The risk module implements it; after-sales
 * does not depend on that module.
 */
public interface CaseDecisions {

    /** The latest decision on the case (after any revision); empty before the first. */
    Optional<Summary> latest(UUID caseId);

    /** The latest decision of each of the cases that has one, read at once. */
    Map<UUID, Summary> latest(Collection<UUID> caseIds);

    /**
     * @param revision 1 for the decision on the request, higher for each later decision or revision
     * @param stage what prompted it: the request, a new evidence file, the forensic checks, a merchant's flag
     */
    record Summary(UUID id, String outcome, int revision, String stage, Instant decidedAt, int policyVersion,
                   List<Reason> reasons, List<EvidenceRequest> evidenceRequests) {
        public Summary {
            reasons = List.copyOf(reasons);
            evidenceRequests = List.copyOf(evidenceRequests);
        }
    }

    /** A reason code with its text in English and Simplified Chinese. */
    record Reason(String code, String en, String zh) {
    }

    /** Evidence the buyer is asked for; {@code code} is the one-time code to show in the photo, if any. */
    record EvidenceRequest(String kind, String code, String en, String zh) {
    }
}
