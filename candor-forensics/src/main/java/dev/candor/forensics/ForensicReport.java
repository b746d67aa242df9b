package dev.candor.forensics;

import java.util.List;

/**
 * Everything a scan found about one photo. The JSON form ({@link ReportJson}) is versioned and described by
 * {@code docs/forensics-report.schema.json}.
 *
 * @param file           the name the photo was scanned under
 * @param sha256         SHA-256 of the file bytes, lower-case hex
 * @param format         {@code JPEG}, {@code PNG}, {@code WEBP}, or the name of an unsupported format
 * @param width          width in pixels from the header, 0 when unknown
 * @param height         height in pixels from the header, 0 when unknown
 * @param pdq            the PDQ hash, {@code null} when the photo could not be decoded
 * @param provenance     declared origin found in the file's metadata
 * @param listingMatches listing photos this photo was derived from, closest first
 * @param findings       every finding, strongest first
 * @param verdict        the overall outcome
 * @param errors         why parts of the scan could not be done (never {@code null})
 */
public record ForensicReport(
        String file,
        String sha256,
        String format,
        int width,
        int height,
        Pdq pdq,
        Provenance provenance,
        List<ListingMatch> listingMatches,
        List<Finding> findings,
        Verdict verdict,
        List<String> errors) {

    public ForensicReport {
        listingMatches = List.copyOf(listingMatches);
        findings = List.copyOf(findings);
        errors = List.copyOf(errors);
    }

    /**
     * @param hash      256-bit PDQ hash as 64 hex digits (Meta's word order)
     * @param quality   PDQ quality 0-100; below 50 the hash should not be used for matching
     * @param dihedrals the hashes of the photo's eight rotations and flips, in the order Meta's {@code --pdqdih}
     *                  tools print them (original, rotate 90, 180, 270, flip x, flip y, flip +1, flip -1), so the
     *                  first is {@code hash}; search a {@link PdqIndex} with all eight to find rotated or mirrored
     *                  copies
     */
    public record Pdq(String hash, int quality, List<String> dihedrals) {

        public Pdq {
            dihedrals = List.copyOf(dihedrals);
        }
    }

    /**
     * @param c2pa                  C2PA content credentials (with {@code present=false} when absent)
     * @param aigcLabel             the GB 45438-2025 implicit label, {@code null} when absent
     * @param iptcDigitalSourceType the IPTC digital source type URI from XMP, {@code null} when absent
     */
    public record Provenance(C2pa c2pa, AigcLabel aigcLabel, String iptcDigitalSourceType) {
    }

    /**
     * @param present             whether a C2PA manifest store is embedded
     * @param claimGenerator      the active manifest's generator ({@code claim_generator} or the first
     *                            {@code claim_generator_info} name and version), {@code null} when absent
     * @param digitalSourceTypes  IPTC digital source type URIs declared in {@code c2pa.actions}
     * @param validationCodes     validation status codes under c2pa-rs names, success and failure
     */
    public record C2pa(boolean present, String claimGenerator, List<String> digitalSourceTypes,
                       List<String> validationCodes) {

        public C2pa {
            digitalSourceTypes = List.copyOf(digitalSourceTypes);
            validationCodes = List.copyOf(validationCodes);
        }

        public static C2pa absent() {
            return new C2pa(false, null, List.of(), List.of());
        }
    }

    /**
     * @param label           {@code 1} AI-generated, {@code 2} possibly, {@code 3} suspected (GB 45438-2025)
     * @param contentProducer the producer's code
     * @param produceId       the producer's content id
     * @param carrier         where the label was found: {@code xmp}, {@code png-text}, {@code exif-user-comment},
     *                        {@code jpeg-app}
     */
    public record AigcLabel(String label, String contentProducer, String produceId, String carrier) {
    }

    /**
     * @param listing       the listing photo's name
     * @param distance      PDQ Hamming distance (0-256) after the best rotation or flip, measured on the aligned
     *                      listing region when the photo is a crop of it
     * @param transform     the rotation or flip that matched, {@code ORIGINAL} when none
     * @param editedRegions regions that differ after alignment, in this photo's pixel coordinates
     * @param heatMapPng    a PNG heat map of the differences, same aspect as this photo; {@code null} when the
     *                      photos could not be aligned
     */
    public record ListingMatch(String listing, int distance, String transform, List<Region> editedRegions,
                               byte[] heatMapPng) {

        public ListingMatch {
            editedRegions = List.copyOf(editedRegions);
        }
    }

    /** A box in pixel coordinates, {@code x0,y0} inclusive and {@code x1,y1} exclusive. */
    public record Region(int x0, int y0, int x1, int y1) {
    }
}
