package dev.candor.forensics.listing;

import dev.candor.forensics.Finding;
import dev.candor.forensics.ForensicReport;
import dev.candor.forensics.Listing;
import dev.candor.forensics.Strength;
import dev.candor.forensics.pdq.Dihedrals;
import dev.candor.forensics.pdq.PdqHasher;
import dev.candor.forensics.pdq.PdqResult;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** Finds the listing photos an evidence photo was made from. */
public final class ListingMatcher {

    /** Longer side of the reduced copies that are aligned and compared. */
    public static final int WORKING_SIDE = 768;

    /** Below this correlation the photos are not aligned well enough to tell edits from misalignment. */
    static final float MIN_ALIGNMENT_SCORE = 0.85f;

    private ListingMatcher() {
    }

    /**
     * PDQ moves by 20-60 bits under a crop of a few percent, so a listing closer than this (unrelated photos sit
     * near 128) is aligned, and the PDQ of the aligned listing region decides.
     */
    static final int CANDIDATE_DISTANCE = 96;

    /** Returns the match, or {@code null} when the listing turns out not to be the photo's source. */
    private static ForensicReport.ListingMatch compare(BufferedImage evidence, int width, int height, PdqResult pdq,
                                                       PreparedListing listing, PdqResult.DihedralMatch m) {
        BufferedImage oriented = Dihedrals.apply(listing.working(), m.transform());
        Alignment alignment = Alignment.find(evidence, oriented);
        boolean aligned = alignment != null && alignment.score() >= MIN_ALIGNMENT_SCORE;
        int distance = m.distance();
        if (aligned && distance > PdqHasher.MATCH_THRESHOLD) {
            distance = PdqHasher.hash(region(oriented, alignment, evidence)).hash().distance(pdq.hash());
        }
        if (distance > PdqHasher.MATCH_THRESHOLD) {
            return null;
        }
        if (!aligned) {
            return new ForensicReport.ListingMatch(listing.name(), distance, m.transform().name(), List.of(), null);
        }
        EditLocator.Result edits = EditLocator.locate(evidence, width, height, oriented, alignment);
        return new ForensicReport.ListingMatch(listing.name(), distance, m.transform().name(), edits.regions(),
                edits.heatMapPng());
    }

    /** The part of the listing the evidence shows. */
    private static BufferedImage region(BufferedImage listing, Alignment alignment, BufferedImage evidence) {
        float[] topLeft = alignment.map(0, 0, evidence.getWidth(), listing.getWidth());
        float[] bottomRight = alignment.map(evidence.getWidth(), evidence.getHeight(), evidence.getWidth(), listing.getWidth());
        int x0 = Math.clamp(Math.round(topLeft[0]), 0, listing.getWidth() - 1);
        int y0 = Math.clamp(Math.round(topLeft[1]), 0, listing.getHeight() - 1);
        int x1 = Math.clamp(Math.round(bottomRight[0]), x0 + 1, listing.getWidth());
        int y1 = Math.clamp(Math.round(bottomRight[1]), y0 + 1, listing.getHeight());
        return listing.getSubimage(x0, y0, x1 - x0, y1 - y0);
    }

    /**
     * @param evidence a copy of the evidence photo at most {@link #WORKING_SIDE} pixels on its longer side
     * @param width    the evidence photo's full width (regions are reported in full-size pixels)
     * @param height   the evidence photo's full height
     */
    public static List<ForensicReport.ListingMatch> match(BufferedImage evidence, int width, int height, PdqResult pdq,
                                                          List<Listing> listings, List<Finding> findings) {
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
            PdqResult.DihedralMatch m = listing.hashes().closestTo(pdq.hash());
            if (m.distance() <= CANDIDATE_DISTANCE) {
                ForensicReport.ListingMatch match = compare(evidence, width, height, pdq, listing, m);
                if (match != null) {
                    matches.add(match);
                }
            }
        }
        matches.sort(Comparator.comparingInt(ForensicReport.ListingMatch::distance));
        for (ForensicReport.ListingMatch m : matches) {
            Map<String, String> data = new LinkedHashMap<>();
            data.put("listing", m.listing());
            data.put("distance", Integer.toString(m.distance()));
            data.put("transform", m.transform());
            data.put("editedRegions", m.editedRegions().stream()
                    .map(r -> "%d,%d-%d,%d".formatted(r.x0(), r.y0(), r.x1(), r.y1())).collect(Collectors.joining(" ")));
            if (m.editedRegions().isEmpty()) {
                findings.add(new Finding("listing.derived", Strength.MODERATE,
                        "The photo is a copy of the seller's listing photo " + m.listing() + " (PDQ distance " + m.distance()
                                + " of 256; 31 or less means the same picture)"
                                + (m.heatMapPng() == null ? "." : " and shows no changed region."), data));
            } else {
                findings.add(new Finding("listing.edited", Strength.STRONG,
                        "The photo was made from the seller's listing photo " + m.listing() + " (PDQ distance " + m.distance()
                                + " of 256) with " + m.editedRegions().size() + " region(s) changed: "
                                + data.get("editedRegions") + " (pixels, x0,y0-x1,y1).", data));
            }
        }
        return matches;
    }
}
