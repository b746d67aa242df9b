package dev.candor.forensics.trace;

import dev.candor.forensics.Carriers;
import dev.candor.forensics.DefectPainter;
import dev.candor.forensics.Finding;
import dev.candor.forensics.Fixtures;
import dev.candor.forensics.ForensicReport;
import dev.candor.forensics.Forensics;
import dev.candor.forensics.ScanConfig;
import dev.candor.forensics.ScanContext;
import dev.candor.forensics.Scanner;
import dev.candor.forensics.Strength;
import dev.candor.forensics.TestImages;
import dev.candor.forensics.container.Containers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TraceChecksTest {

    private final Scanner scanner = Forensics.scanner(ScanConfig.defaults());

    private List<Finding> findings(byte[] file, Instant deliveredAt, String check) {
        ForensicReport report = scanner.scan("photo.jpg", file, new ScanContext(List.of(), deliveredAt));
        return report.findings().stream().filter(f -> f.check().equals(check)).toList();
    }

    private static byte[] cameraJpeg(String dateTimeOriginal) {
        byte[] tiff = Carriers.exif("Canon", "Canon EOS 5D", null, null, null, dateTimeOriginal, null);
        return Carriers.jpegWithExif(TestImages.jpeg(TestImages.gradient(64, 48), 0.9f), tiff);
    }

    @Test
    void aPhotoTakenWeeksBeforeDeliveryIsModerate() {
        List<Finding> found = findings(cameraJpeg("2026:02:01 10:00:00"), Instant.parse("2026-03-01T10:00:00Z"),
                "timeline.capturedBeforeDelivery");

        assertThat(found).singleElement().satisfies(f -> assertThat(f.strength()).isEqualTo(Strength.MODERATE));
    }

    @Test
    void aCaptureHoursFromDeliveryWithoutTimeZoneIsOnlyAHint() {
        assertThat(findings(cameraJpeg("2026:03:01 08:00:00"), Instant.parse("2026-03-01T10:00:00Z"), "timeline.capturedNearDelivery"))
                .singleElement().satisfies(f -> assertThat(f.strength()).isEqualTo(Strength.HINT));
        assertThat(findings(cameraJpeg("2026:03:01 08:00:00"), Instant.parse("2026-03-01T10:00:00Z"), "timeline.capturedBeforeDelivery"))
                .isEmpty();
    }

    @Test
    void withATimeZoneTheCaptureInstantIsExact() {
        byte[] shanghai = Carriers.jpegWithExif(TestImages.jpeg(TestImages.gradient(64, 48), 0.9f),
                Carriers.exifWithOffset("Xiaomi", "23127PN0CC", "2026:03:01 17:00:00", "+08:00"));

        assertThat(findings(shanghai, Instant.parse("2026-03-01T09:30:00Z"), "timeline.capturedBeforeDelivery"))
                .singleElement().satisfies(f -> assertThat(f.summary()).contains("2026-03-01T09:00:00Z"));
        assertThat(findings(shanghai, Instant.parse("2026-03-01T08:30:00Z"), "timeline.capturedBeforeDelivery")).isEmpty();
    }

    @Test
    void withoutExifTheXmpCaptureTimeIsUsed() {
        String xmp = Carriers.xmpPacket("<photoshop:DateCreated>2026-02-01T10:00:00+08:00</photoshop:DateCreated>",
                "xmlns:photoshop=\"http://ns.adobe.com/photoshop/1.0/\"", "");
        byte[] file = Carriers.jpegWithXmp(TestImages.jpeg(TestImages.gradient(64, 48), 0.9f), xmp);

        assertThat(findings(file, Instant.parse("2026-03-01T10:00:00Z"), "timeline.capturedBeforeDelivery"))
                .singleElement().satisfies(f -> assertThat(f.data()).containsEntry("source", "XMP DateCreated"));
    }

    @Test
    void aPhotoTakenAfterDeliveryRaisesNothing() {
        assertThat(findings(cameraJpeg("2026:03:05 08:00:00"), Instant.parse("2026-03-01T10:00:00Z"), "timeline.capturedBeforeDelivery"))
                .isEmpty();
        assertThat(findings(cameraJpeg("2026:03:05 08:00:00"), Instant.parse("2026-03-01T10:00:00Z"), "timeline.capturedNearDelivery"))
                .isEmpty();
    }

    @ParameterizedTest
    @ValueSource(ints = {50, 75, 90, 95})
    void imageIoTablesAreRecognisedAsStandardAtTheirQuality(int quality) {
        byte[] jpeg = TestImages.jpeg(TestImages.gradient(64, 48), quality / 100f);

        JpegQuality estimate = JpegQuality.estimate(Containers.read(jpeg).quantTables());

        assertThat(estimate.quality()).isEqualTo(quality);
        assertThat(estimate.standard()).isTrue();
    }

    @Test
    void aPhotoEditedAfterCaptureNoLongerMatchesItsExifThumbnail() throws IOException {
        byte[] original = Fixtures.bytes("c2pa-rs/P1000827.jpg");
        byte[] exif = Containers.read(original).exif().getFirst();
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(original));
        BufferedImage edited = DefectPainter.copy(image);
        DefectPainter.paint(edited, DefectPainter.Defect.HOLE, image.getWidth() / 2, image.getHeight() / 2,
                image.getWidth() / 5, 11);

        byte[] editedFile = Carriers.jpegWithExif(TestImages.jpeg(edited, 0.9f), exif);
        byte[] resavedFile = Carriers.jpegWithExif(TestImages.jpeg(image, 0.9f), exif);

        assertThat(findings(editedFile, null, "exif.thumbnailMismatch")).singleElement()
                .satisfies(f -> assertThat(f.strength()).isEqualTo(Strength.MODERATE));
        assertThat(findings(resavedFile, null, "exif.thumbnailMismatch")).isEmpty();
    }
}
