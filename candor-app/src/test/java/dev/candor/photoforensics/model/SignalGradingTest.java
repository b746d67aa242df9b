package dev.candor.photoforensics.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.candor.forensics.Finding;
import dev.candor.forensics.ForensicReport;
import dev.candor.forensics.Strength;
import dev.candor.forensics.Verdict;
import dev.candor.photoforensics.CasePhotoScans.Signal;
import dev.candor.photoreuse.ReuseMatch;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SignalGradingTest {

    private static final UUID PHOTO = UUID.fromString("00000000-0000-0000-0000-000000000001");
    private static final String STORE = "store-a";

    private static ForensicReport report(Verdict verdict, Finding... findings) {
        return new ForensicReport(PHOTO.toString(), "ab".repeat(32), "JPEG", 800, 600, null,
                new ForensicReport.Provenance(ForensicReport.C2pa.absent(), null, null), List.of(), List.of(findings), verdict, List.of());
    }

    private static List<Signal> grade(ForensicReport report, ReuseMatch... reuse) {
        return SignalGrading.grade(PHOTO, report, List.of(reuse), STORE);
    }

    @Test
    void anEditedListingPhotoIsStrongAndItsReSaveTracesAreOneHint() {
        List<Signal> signals = grade(report(Verdict.DERIVED_FROM_LISTING_EDITED,
                new Finding("listing.edited", Strength.STRONG, "made from listing L/main with 1 region changed",
                        Map.of("listing", "L/main", "distance", "12", "editedRegions", "496,316-592,394")),
                Finding.of("jpeg.standardTables", Strength.HINT, "standard tables"),
                Finding.of("ela", Strength.HINT, "error levels")));

        assertThat(signals).extracting(Signal::code, Signal::grade)
                .containsExactly(tuple("DERIVED_FROM_LISTING_EDITED", "STRONG"), tuple("RESAVE_TRACES", "HINT"));
        assertThat(signals.getFirst().summaryEn()).isEqualTo("made from listing L/main with 1 region changed");
        assertThat(signals.getFirst().summaryZh()).contains("L/main").contains("12/256").contains("496,316-592,394");
        assertThat(signals).allMatch(s -> s.evidenceId().equals(PHOTO));
    }

    @Test
    void aBrokenC2paManifestIsConclusiveTamperingAndItsAiDeclarationStrong() {
        List<Signal> signals = grade(report(Verdict.AI_GENERATED_DECLARED,
                Finding.of("c2pa.tampered", Strength.CONCLUSIVE, "changed after signing"),
                Finding.of("c2pa.digitalSourceType", Strength.STRONG, "declares trainedAlgorithmicMedia")));

        assertThat(signals).extracting(Signal::code, Signal::grade)
                .containsExactly(tuple("PROVENANCE_TAMPERED", "CONCLUSIVE"), tuple("DECLARED_AI_ORIGIN", "STRONG"));
    }

    @Test
    void severalDeclarationsOfAiOriginAreOneSignalWithTheStrongestGradeAndItsSummary() {
        List<Signal> signals = grade(report(Verdict.AI_GENERATED_DECLARED,
                new Finding("generator.metadata", Strength.STRONG, "Stable Diffusion parameters", Map.of("generator", "stable-diffusion")),
                Finding.of("iptc.digitalSourceType", Strength.CONCLUSIVE, "XMP says trainedAlgorithmicMedia"),
                Finding.of("software.editor", Strength.MODERATE, "Photoshop")));

        assertThat(signals).extracting(Signal::code, Signal::grade, Signal::summaryEn)
                .containsExactly(tuple("DECLARED_AI_ORIGIN", "CONCLUSIVE", "XMP says trainedAlgorithmicMedia"),
                        tuple("EDITING_SOFTWARE", "MODERATE", "Photoshop"));
    }

    @Test
    void aLabelSayingOnlyPossiblyAiStaysStrongAsTheLibraryGradesIt() {
        assertThat(grade(report(Verdict.AI_GENERATED_DECLARED,
                new Finding("aigc.label", Strength.STRONG, "label 2", Map.of("label", "2")))))
                .extracting(Signal::code, Signal::grade, Signal::summaryZh)
                .containsExactly(tuple("DECLARED_AI_ORIGIN", "STRONG", "照片带有 GB 45438-2025 规定的人工智能生成内容隐式标识（标识 2）。"));
    }

    @Test
    void anotherBuyersClaimPhotoAndAnotherStoresListingPhotoAreStrongAndTheOwnStoresListingModerate() {
        List<Signal> signals = grade(report(Verdict.NO_FINDINGS),
                new ReuseMatch(ReuseMatch.Source.CLAIM, UUID.randomUUID().toString(), UUID.randomUUID(), "buyer-b", "store-x", 9),
                new ReuseMatch(ReuseMatch.Source.LISTING, "cd".repeat(32), null, null, "store-b", 4),
                new ReuseMatch(ReuseMatch.Source.LISTING, "ef".repeat(32), null, null, STORE, 2));

        assertThat(signals).extracting(Signal::code, Signal::grade).containsExactly(
                tuple("WEB_IMAGE", "STRONG"), tuple("REUSED_FROM_OTHER_CLAIM", "STRONG"), tuple("COPY_OF_LISTING", "MODERATE"));
        assertThat(signals.get(1).summaryEn()).contains("distance 9 of 256").doesNotContain("buyer-b").doesNotContain("store-x");
        assertThat(signals.getFirst().summaryZh()).contains("4/256").doesNotContain("store-b");
    }

    @Test
    void theOwnStoresListingPhotoAddsNothingToAPhotoAlreadyFoundEditedFromIt() {
        List<Signal> signals = grade(report(Verdict.DERIVED_FROM_LISTING_EDITED,
                        new Finding("listing.edited", Strength.STRONG, "edited", Map.of("listing", "L/main", "distance", "3", "editedRegions", "1,1-9,9"))),
                new ReuseMatch(ReuseMatch.Source.LISTING, "ef".repeat(32), null, null, STORE, 3));

        assertThat(signals).extracting(Signal::code).containsExactly("DERIVED_FROM_LISTING_EDITED");
    }

    @Test
    void aCheckTheTableDoesNotKnowInformsButNeverDrivesADecision() {
        assertThat(grade(report(Verdict.NO_FINDINGS,
                Finding.of("vendor.deepfake", Strength.CONCLUSIVE, "a vendor model is sure"),
                Finding.of("vendor.noise", Strength.HINT, "a little noise"))))
                .extracting(Signal::code, Signal::grade)
                .containsExactly(tuple("OTHER_FINDING", "MODERATE"));
    }

    @Test
    void aPhotoThatCouldNotBeDecodedIsCalledOutForTheReviewer() {
        assertThat(grade(report(Verdict.UNREADABLE))).extracting(Signal::code, Signal::grade)
                .containsExactly(tuple("PHOTO_UNREADABLE", "MODERATE"));
    }
}
