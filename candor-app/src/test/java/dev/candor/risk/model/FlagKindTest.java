package dev.candor.risk.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.forensics.Finding;
import dev.candor.forensics.ForensicReport;
import dev.candor.forensics.Strength;
import dev.candor.forensics.Verdict;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which findings confirm which flag: only those of the flag's kind, graded CONCLUSIVE or STRONG (a copy for a web image). */
class FlagKindTest {

    private static ForensicReport report(Verdict verdict, Finding... findings) {
        return new ForensicReport("photo", "00", "JPEG", 800, 600, null,
                new ForensicReport.Provenance(ForensicReport.C2pa.absent(), null, null), List.of(), List.of(findings), verdict, List.of());
    }

    private static List<String> checks(FlagKind kind, ForensicReport report) {
        return kind.confirming(report).stream().map(FlagFinding::check).toList();
    }

    private static final Finding AI_EDIT = new Finding("iptc.digitalSourceType", Strength.CONCLUSIVE,
            "The file's XMP declares its digital source type as compositeWithTrainedAlgorithmicMedia (edited with AI).",
            Map.of("digitalSourceType", "http://cv.iptc.org/newscodes/digitalsourcetype/compositeWithTrainedAlgorithmicMedia"));
    private static final Finding LABEL = new Finding("aigc.label", Strength.CONCLUSIVE, "The file carries the implicit AI-content label.",
            Map.of("label", "1"));
    private static final Finding COPY = new Finding("listing.derived", Strength.MODERATE, "The photo is a copy of the seller's listing photo.",
            Map.of("listing", "coat/main", "distance", "4"));
    private static final Finding EDITED = new Finding("listing.edited", Strength.STRONG, "The photo was made from the listing photo.",
            Map.of("listing", "coat/main", "distance", "12", "editedRegions", "500,320-590,390"));
    private static final Finding EDITOR = new Finding("software.editor", Strength.MODERATE, "Last written by Photoshop.",
            Map.of("software", "Adobe Photoshop"));
    private static final Finding TAMPERED = new Finding("c2pa.tampered", Strength.CONCLUSIVE, "Changed after signing.", Map.of());

    @Test
    void anAiEditDeclarationConfirmsAiProcessedButNotAiGenerated() {
        ForensicReport edited = report(Verdict.AI_EDITED_DECLARED, AI_EDIT);
        assertThat(checks(FlagKind.AI_PROCESSED, edited)).containsExactly("iptc.digitalSourceType");
        assertThat(FlagKind.AI_PROCESSED.confirming(edited).getFirst().zh()).contains("compositeWithTrainedAlgorithmicMedia");
        assertThat(checks(FlagKind.AI_GENERATED, edited)).isEmpty();
    }

    @Test
    void aGenerationLabelConfirmsBothAiFlagsAndNothingElse() {
        ForensicReport generated = report(Verdict.AI_GENERATED_DECLARED, LABEL);
        assertThat(checks(FlagKind.AI_GENERATED, generated)).containsExactly("aigc.label");
        assertThat(checks(FlagKind.AI_PROCESSED, generated)).containsExactly("aigc.label");
        assertThat(checks(FlagKind.PHOTOSHOPPED, generated)).isEmpty();
        assertThat(checks(FlagKind.WEB_IMAGE, generated)).isEmpty();
    }

    @Test
    void aCopyOfTheListingIsAWebImageButOnlyALocatedEditOrBrokenCredentialsProveEditing() {
        assertThat(checks(FlagKind.WEB_IMAGE, report(Verdict.DERIVED_FROM_LISTING, COPY))).containsExactly("listing.derived");
        assertThat(checks(FlagKind.PHOTOSHOPPED, report(Verdict.DERIVED_FROM_LISTING, COPY))).isEmpty();
        assertThat(checks(FlagKind.PHOTOSHOPPED, report(Verdict.DERIVED_FROM_LISTING_EDITED, EDITED, EDITOR)))
                .containsExactly("listing.edited");
        assertThat(checks(FlagKind.WEB_IMAGE, report(Verdict.DERIVED_FROM_LISTING_EDITED, EDITED))).containsExactly("listing.edited");
        assertThat(checks(FlagKind.PHOTOSHOPPED, report(Verdict.PROVENANCE_TAMPERED, TAMPERED))).containsExactly("c2pa.tampered");
        assertThat(checks(FlagKind.PHOTOSHOPPED, report(Verdict.NO_FINDINGS, EDITOR))).as("editing software alone is MODERATE").isEmpty();
    }
}
