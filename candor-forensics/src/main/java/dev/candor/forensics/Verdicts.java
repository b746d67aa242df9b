package dev.candor.forensics;

import dev.candor.forensics.origin.Declaration;

import java.util.List;

/** Picks the verdict in the order documented on {@link Verdict}. */
final class Verdicts {

    private Verdicts() {
    }

    static Verdict decide(boolean decoded, Declaration declaration, boolean provenanceTampered,
                          List<ForensicReport.ListingMatch> matches) {
        if (declaration == Declaration.AI_GENERATED) {
            return Verdict.AI_GENERATED_DECLARED;
        }
        if (declaration == Declaration.AI_EDITED) {
            return Verdict.AI_EDITED_DECLARED;
        }
        if (provenanceTampered) {
            return Verdict.PROVENANCE_TAMPERED;
        }
        if (!decoded) {
            return Verdict.UNREADABLE;
        }
        if (matches.stream().anyMatch(m -> !m.editedRegions().isEmpty())) {
            return Verdict.DERIVED_FROM_LISTING_EDITED;
        }
        if (!matches.isEmpty()) {
            return Verdict.DERIVED_FROM_LISTING;
        }
        return Verdict.NO_FINDINGS;
    }
}
