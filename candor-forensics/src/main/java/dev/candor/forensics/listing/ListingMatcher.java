package dev.candor.forensics.listing;

import dev.candor.forensics.Finding;
import dev.candor.forensics.ForensicReport;
import dev.candor.forensics.Listing;
import dev.candor.forensics.Strength;
import dev.candor.forensics.pdq.PdqHasher;
import dev.candor.forensics.pdq.PdqResult;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Finds the listing photos an evidence photo was made from. */
public final class ListingMatcher {

    /** Longer side of the reduced copies that are aligned and compared. */
    public static final int WORKING_SIDE = 768;

    private ListingMatcher() {
    }

    public static List<ForensicReport.ListingMatch> match(BufferedImage evidence, PdqResult pdq, List<Listing> listings,
                                                          List<Finding> findings) {
        if (pdq.quality() < PdqHasher.QUALITY_FLOOR) {
            return List.of();
        }
        List<ForensicReport.ListingMatch> matches = new ArrayList<>();
        for (Listing l : listings) {
            if (!(l instanceof PreparedListing listing)) {
                throw new IllegalArgumentException("listings must come from Scanner.listing");
            }
            if (!listing.usable()) {
                continue;
            }
            PdqResult.DihedralMatch m = listing.pdq().closestTo(pdq.hash());
            if (m.distance() <= PdqHasher.MATCH_THRESHOLD) {
                matches.add(new ForensicReport.ListingMatch(listing.name(), m.distance(), m.transform().name(), List.of(), null));
            }
        }
        matches.sort(Comparator.comparingInt(ForensicReport.ListingMatch::distance));
        for (ForensicReport.ListingMatch m : matches) {
            findings.add(new Finding("listing.derived", Strength.MODERATE,
                    "The photo is a copy of the seller's listing photo " + m.listing() + " (PDQ distance " + m.distance()
                            + " of 256; 31 or less means the same picture).",
                    Map.of("listing", m.listing(), "distance", Integer.toString(m.distance()), "transform", m.transform())));
        }
        return matches;
    }
}
