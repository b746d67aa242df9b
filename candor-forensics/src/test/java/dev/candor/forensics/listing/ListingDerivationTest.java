package dev.candor.forensics.listing;

import dev.candor.forensics.DefectPainter;
import dev.candor.forensics.DefectPainter.Defect;
import dev.candor.forensics.Fixtures;
import dev.candor.forensics.ForensicReport;
import dev.candor.forensics.Forensics;
import dev.candor.forensics.Listing;
import dev.candor.forensics.ScanConfig;
import dev.candor.forensics.ScanContext;
import dev.candor.forensics.Scanner;
import dev.candor.forensics.TestImages;
import dev.candor.forensics.Verdict;
import dev.candor.forensics.pdq.Dihedral;
import dev.candor.forensics.pdq.Dihedrals;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import javax.imageio.ImageIO;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The "AI painted a defect on the seller's photo" case, made with {@link DefectPainter} on a real photo
 * (ThreatExchange bridge), then cropped a few percent, halved, brightened or darkened by up to 10%, contrast
 * changed by 10% and recompressed. The painted box is the independent expectation.
 */
class ListingDerivationTest {

    private static final double LEFT = 0.03;
    private static final double TOP = 0.02;
    private static final double RIGHT = 0.01;
    private static final double BOTTOM = 0.04;

    private static BufferedImage photo;
    private static Scanner scanner;
    private static Listing listing;

    @BeforeAll
    static void setUp() throws IOException {
        byte[] bytes = Fixtures.bytes("threatexchange-pdq/dih/bridge-1-original.jpg");
        photo = ImageIO.read(new ByteArrayInputStream(bytes));
        scanner = Forensics.scanner(ScanConfig.defaults());
        listing = scanner.listing("bridge-listing.jpg", bytes);
    }

    /** Crop, halve, brightness/contrast, JPEG at quality 0.8: what a re-shared screenshot looks like. */
    private static byte[] launder(BufferedImage edited, double brightness, double contrast) {
        BufferedImage cropped = DefectPainter.crop(edited, LEFT, TOP, RIGHT, BOTTOM);
        return TestImages.jpeg(DefectPainter.adjust(DefectPainter.scale(cropped, 0.5), brightness, contrast), 0.8f);
    }

    private static Rectangle inEvidence(Rectangle painted, int sourceWidth, int sourceHeight) {
        int x0 = (int) (sourceWidth * LEFT);
        int y0 = (int) (sourceHeight * TOP);
        return new Rectangle((int) ((painted.x - x0) * 0.5), (int) ((painted.y - y0) * 0.5),
                (int) Math.ceil(painted.width * 0.5), (int) Math.ceil(painted.height * 0.5));
    }

    private static Rectangle box(ForensicReport.Region r) {
        return new Rectangle(r.x0(), r.y0(), r.x1() - r.x0(), r.y1() - r.y0());
    }

    private static double area(Rectangle r) {
        return (double) r.width * r.height;
    }

    private ForensicReport scan(byte[] evidence) {
        return scanner.scan("evidence.jpg", evidence, new ScanContext(List.of(listing), null));
    }

    @ParameterizedTest
    @CsvSource({
            "STAIN, 500, 600, 20, 1.1",
            "HOLE, 1100, 380, -20, 0.9",
            "MOULD, 820, 760, 25, 1.0",
            "CRACK, 300, 300, -25, 1.1",
            "HOLE, 1350, 800, 0, 0.9",
            "STAIN, 900, 250, 10, 1.0"})
    void locatesAPaintedDefectOnALaunderedCopyOfTheListing(Defect defect, int cx, int cy, double brightness, double contrast) {
        BufferedImage edited = DefectPainter.copy(photo);
        Rectangle painted = DefectPainter.paint(edited, defect, cx, cy, 180, cx * 31L + cy);
        Rectangle expected = inEvidence(painted, photo.getWidth(), photo.getHeight());

        ForensicReport report = scan(launder(edited, brightness, contrast));

        assertThat(report.verdict()).isEqualTo(Verdict.DERIVED_FROM_LISTING_EDITED);
        ForensicReport.ListingMatch match = report.listingMatches().getFirst();
        assertThat(match.listing()).isEqualTo("bridge-listing.jpg");
        assertThat(match.heatMapPng()).isNotNull();
        assertThat(match.editedRegions()).hasSizeLessThanOrEqualTo(2);
        assertThat(match.editedRegions()).anySatisfy(r -> {
            Rectangle found = box(r);
            Rectangle overlap = found.intersection(expected);
            assertThat(overlap.isEmpty()).as("found %s, painted %s", found, expected).isFalse();
            double precision = area(overlap) / area(found);
            double recall = area(overlap) / area(expected);
            assertThat(precision).as("share of found %s inside painted %s", found, expected).isGreaterThan(0.5);
            assertThat(recall).as("share of painted %s covered by found %s", expected, found).isGreaterThan(0.2);
        });
    }

    @ParameterizedTest
    @CsvSource({"20, 1.1", "-20, 0.9", "0, 1.0"})
    void aLaunderedCopyWithoutEditsIsDerivedButNotEdited(double brightness, double contrast) {
        ForensicReport report = scan(launder(DefectPainter.copy(photo), brightness, contrast));

        assertThat(report.verdict()).isEqualTo(Verdict.DERIVED_FROM_LISTING);
        assertThat(report.listingMatches().getFirst().editedRegions()).isEmpty();
        assertThat(report.listingMatches().getFirst().heatMapPng()).isNotNull();
    }

    @Test
    void aRotatedEditedCopyIsAlignedThroughTheDihedralMatch() {
        BufferedImage edited = DefectPainter.copy(photo);
        DefectPainter.paint(edited, Defect.HOLE, 800, 500, 200, 7);
        BufferedImage rotated = Dihedrals.apply(edited, Dihedral.ROTATE_90);

        ForensicReport report = scan(TestImages.jpeg(DefectPainter.scale(rotated, 0.5), 0.85f));

        assertThat(report.listingMatches().getFirst().transform()).isEqualTo("ROTATE_90");
        assertThat(report.listingMatches().getFirst().editedRegions()).hasSize(1);
    }

    @Test
    void anUnrelatedPhotoMatchesNoListing() {
        ForensicReport report = scan(Fixtures.bytes("threatexchange-pdq/misc/wee.jpg"));

        assertThat(report.listingMatches()).isEmpty();
        assertThat(report.verdict()).isEqualTo(Verdict.NO_FINDINGS);
    }
}
