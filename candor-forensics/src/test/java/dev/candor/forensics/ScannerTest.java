package dev.candor.forensics;

import dev.candor.forensics.pdq.PdqHash;
import dev.candor.forensics.pdq.PdqHasher;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The public API end to end, called as the service and the CLI call it. */
class ScannerTest {

    private final Scanner scanner = Forensics.scanner(ScanConfig.defaults());

    @Test
    void reportsHashFormatAndSizeOfAPlainPhoto() {
        ForensicReport report = scanner.scan("wee.jpg", Fixtures.bytes("threatexchange-pdq/misc/wee.jpg"), ScanContext.none());

        assertThat(report.format()).isEqualTo("JPEG");
        assertThat(report.sha256()).isEqualTo("05636c50d0c2ffe3a820f964eaba35b404deadd10538fe452ad9fb16fdd823d7");
        assertThat(report.pdq().hash()).isEqualTo("6227401f601ff4ccafcc9fad4b0d95d371a2eb7265a3285234d228ca94deeb2d");
        assertThat(report.pdq().quality()).isEqualTo(100);
        assertThat(report.verdict()).isEqualTo(Verdict.NO_FINDINGS);
        assertThat(report.errors()).isEmpty();
    }

    @Test
    void reportsTheEightDihedralHashesAsMetasReferencePrintsThem() {
        List<String> expected = Fixtures.text("threatexchange-pdq/expected-pdqdih-bridge-1-original.txt").lines()
                .map(line -> line.split(",")[0]).toList();

        ForensicReport report = scanner.scan("bridge.jpg", Fixtures.bytes("threatexchange-pdq/dih/bridge-1-original.jpg"),
                ScanContext.none());
        Listing listing = scanner.listing("bridge.jpg", Fixtures.bytes("threatexchange-pdq/dih/bridge-1-original.jpg"));

        assertThat(report.pdq().dihedrals()).isEqualTo(expected);
        assertThat(listing.pdq()).isEqualTo(report.pdq());
    }

    @Test
    void anUnsupportedFormatIsUnreadableWithAClearError() {
        byte[] gif = TestImages.encode(TestImages.gradient(8, 8), "gif");

        ForensicReport report = scanner.scan("x.gif", gif, ScanContext.none());

        assertThat(report.verdict()).isEqualTo(Verdict.UNREADABLE);
        assertThat(report.format()).isEqualTo("GIF");
        assertThat(report.pdq()).isNull();
        assertThat(report.errors()).contains("decode: unsupported format: GIF");
    }

    @Test
    void aTruncatedJpegIsStillScannedAndTheTruncationReported() {
        byte[] whole = Fixtures.bytes("threatexchange-pdq/bridge-mods/aaa-orig.jpg");

        ForensicReport report = scanner.scan("cut.jpg", Arrays.copyOf(whole, whole.length / 2), ScanContext.none());

        assertThat(report.errors()).anyMatch(e -> e.contains("truncated"));
    }

    @Test
    void findsTheListingPhotoAnEditedCopyWasMadeFromThroughARotation() {
        Listing listing = scanner.listing("listing.jpg", Fixtures.bytes("threatexchange-pdq/dih/bridge-1-original.jpg"));
        Listing other = scanner.listing("other.jpg", Fixtures.bytes("threatexchange-pdq/misc/wee.jpg"));

        ForensicReport report = scanner.scan("rotated.jpg", Fixtures.bytes("threatexchange-pdq/dih/bridge-4-rotate-270.jpg"),
                new ScanContext(List.of(other, listing), null));

        assertThat(report.listingMatches()).singleElement().satisfies(m -> {
            assertThat(m.listing()).isEqualTo("listing.jpg");
            assertThat(m.transform()).isEqualTo("ROTATE_270");
            assertThat(m.distance()).isLessThanOrEqualTo(31);
        });
    }

    @Test
    void aLargeJpegIsHashedFromTheReducedDecodeWithinTenBitsOfTheFullDecode() throws IOException {
        BufferedImage bridge = ImageIO.read(new ByteArrayInputStream(Fixtures.bytes("threatexchange-pdq/dih/bridge-1-original.jpg")));
        byte[] large = TestImages.jpeg(DefectPainter.scale(bridge, 1.75), 0.9f);
        PdqHash full = PdqHasher.hash(ImageIO.read(new ByteArrayInputStream(large))).hash();

        ForensicReport report = scanner.scan("large.jpg", large, ScanContext.none());

        assertThat((long) report.width() * report.height()).isGreaterThan(4_000_000L);
        assertThat(PdqHash.fromHex(report.pdq().hash()).distance(full)).isLessThanOrEqualTo(10);
    }

    @Test
    void aLargePngIsReadSubsampledAndStillHashedCloseToTheFullDecode() throws IOException {
        BufferedImage bridge = ImageIO.read(new ByteArrayInputStream(Fixtures.bytes("threatexchange-pdq/dih/bridge-1-original.jpg")));
        byte[] large = TestImages.encode(DefectPainter.scale(bridge, 1.75), "png");
        PdqHash full = PdqHasher.hash(ImageIO.read(new ByteArrayInputStream(large))).hash();

        ForensicReport report = scanner.scan("large.png", large, ScanContext.none());

        assertThat(report.errors()).isEmpty();
        assertThat(PdqHash.fromHex(report.pdq().hash()).distance(full)).isLessThanOrEqualTo(10);
    }

    @Test
    void aFailingExtraCheckIsRecordedAndTheScanGoesOn() {
        Scanner withCheck = Forensics.scanner(ScanConfig.defaults().withCheck(e -> {
            throw new IllegalStateException("boom");
        }).withCheck(e -> List.of(Finding.of("custom", Strength.HINT, "seen " + e.name()))));

        ForensicReport report = withCheck.scan("wee.jpg", Fixtures.bytes("threatexchange-pdq/misc/wee.jpg"), ScanContext.none());

        assertThat(report.errors()).anyMatch(e -> e.endsWith("boom"));
        assertThat(report.findings()).filteredOn(f -> f.check().equals("custom")).extracting(Finding::summary)
                .containsExactly("seen wee.jpg");
    }
}
