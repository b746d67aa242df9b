package dev.candor.forensics;

import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class ReportHtmlTest {

    @Test
    void showsBothPhotosOutlinesEachEditedRegionAndLoadsNothingFromTheNetwork() throws IOException {
        byte[] listingBytes = Fixtures.bytes("threatexchange-pdq/dih/bridge-1-original.jpg");
        BufferedImage photo = ImageIO.read(new ByteArrayInputStream(listingBytes));
        BufferedImage edited = DefectPainter.copy(photo);
        DefectPainter.paint(edited, DefectPainter.Defect.HOLE, 600, 500, 200, 3);
        DefectPainter.paint(edited, DefectPainter.Defect.CRACK, 1200, 250, 200, 4);
        byte[] evidence = TestImages.jpeg(edited, 0.85f);
        Scanner scanner = Forensics.scanner(ScanConfig.defaults());
        ForensicReport report = scanner.scan("<script>x.jpg", evidence,
                new ScanContext(List.of(scanner.listing("listing.jpg", listingBytes)), null));

        String html = ReportHtml.render(report, evidence, Map.of("listing.jpg", listingBytes));

        int regions = report.listingMatches().getFirst().editedRegions().size();
        assertThat(regions).isEqualTo(2);
        assertThat(Pattern.compile("<rect ").matcher(html).results().count()).isEqualTo(regions);
        assertThat(Pattern.compile("data:image/jpeg;base64,").matcher(html).results().count()).isEqualTo(2);
        assertThat(html).contains("data:image/png;base64,").contains("Made from the seller&#39;s listing photo")
                .contains("&lt;script&gt;x.jpg").doesNotContain("<script>");
        assertThat(html).doesNotContainPattern("(src|href)=\"https?:");
    }

    @Test
    void stringsFromACustomCheckCannotInjectMarkup() {
        Scanner scanner = Forensics.scanner(ScanConfig.defaults().withCheck(e -> List.of(new Finding("custom<b>", Strength.HINT,
                "<img src=x onerror=alert(1)>", Map.of("heatMapPng", "\"><script>alert(2)</script>")))));
        ForensicReport report = scanner.scan("x.jpg", Fixtures.bytes("threatexchange-pdq/misc/wee.jpg"), ScanContext.none());

        String html = ReportHtml.render(report, null, Map.of());

        assertThat(html).doesNotContain("<script>").doesNotContain("<img src=x").doesNotContain("custom<b>")
                .contains("&lt;img src=x onerror=alert(1)&gt;");
    }

    @Test
    void anUnreadableFileStillGetsAPageWithItsErrors() {
        ForensicReport report = Forensics.scanner(ScanConfig.defaults()).scan("x.gif",
                TestImages.encode(TestImages.gradient(8, 8), "gif"), ScanContext.none());

        assertThat(ReportHtml.render(report, null, Map.of())).contains("could not be read").contains("unsupported format: GIF");
    }
}
