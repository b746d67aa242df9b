package dev.candor.evidence.application;

import static dev.candor.evidence.EvidenceFixtures.contains;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.candor.evidence.EvidenceFixtures;
import dev.candor.evidence.model.ExifOrientation;
import dev.candor.evidence.model.FileType;
import dev.candor.shared.error.CandorException;
import dev.candor.shared.error.ErrorCode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import org.apache.commons.imaging.Imaging;
import org.apache.commons.imaging.common.ImageMetadata;
import org.apache.commons.imaging.formats.jpeg.JpegImageMetadata;
import org.junit.jupiter.api.Test;

class MetadataFreeCopiesTest {

    private final MetadataFreeCopies copies = new MetadataFreeCopies(50_000_000);

    @Test
    void aJpegCopyHasNoExifOrGpsAndIsTurnedUpright() throws IOException {
        byte[] original = EvidenceFixtures.jpegWithGps(40, 30, 6);
        JpegImageMetadata before = (JpegImageMetadata) Imaging.getMetadata(original);
        assertThat(before.getExif().getGpsInfo().getLatitudeAsDegreesNorth()).isCloseTo(EvidenceFixtures.LATITUDE,
                org.assertj.core.data.Offset.offset(1e-4));
        assertThat(ExifOrientation.of(original)).isEqualTo(6);

        byte[] copy = copies.copyOf(FileType.JPEG, original);

        ImageMetadata after = Imaging.getMetadata(copy);
        assertThat(after == null || ((JpegImageMetadata) after).getExif() == null).isTrue();
        assertThat(contains(copy, "Exif")).isFalse();
        BufferedImage upright = ImageIO.read(new ByteArrayInputStream(copy));
        assertThat(upright.getWidth()).isEqualTo(30);
        assertThat(upright.getHeight()).isEqualTo(40);
    }

    @Test
    void aPngCopyHasNoTextChunksAndTheSamePixels() throws IOException {
        byte[] original = EvidenceFixtures.pngWithText(20, 10);
        assertThat(contains(original, "tEXt")).isTrue();

        byte[] copy = copies.copyOf(FileType.PNG, original);

        assertThat(contains(copy, "tEXt")).isFalse();
        assertThat(contains(copy, "Shenzhen")).isFalse();
        BufferedImage a = ImageIO.read(new ByteArrayInputStream(original));
        BufferedImage b = ImageIO.read(new ByteArrayInputStream(copy));
        assertThat(b.getRGB(0, 0, 20, 10, null, 0, 20)).isEqualTo(a.getRGB(0, 0, 20, 10, null, 0, 20));
    }

    @Test
    void aWebPBecomesAJpeg() throws IOException {
        for (byte[] webp : new byte[][] {EvidenceFixtures.WEBP_LOSSLESS, EvidenceFixtures.WEBP_LOSSY}) {
            byte[] copy = copies.copyOf(FileType.WEBP, webp);
            assertThat(FileType.WEBP.copyType()).isEqualTo(FileType.JPEG);
            assertThat(copy[0] & 0xFF).isEqualTo(0xFF);
            assertThat(copy[1] & 0xFF).isEqualTo(0xD8);
            assertThat(ImageIO.read(new ByteArrayInputStream(copy)).getWidth()).isEqualTo(1);
        }
    }

    @Test
    void aPhotoThatDoesNotDecodeIsUnreadable() {
        assertThatThrownBy(() -> copies.copyOf(FileType.PNG, EvidenceFixtures.pngClaiming(10, 10)))
                .isInstanceOfSatisfying(CandorException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.EVIDENCE_UNREADABLE));
        assertThatThrownBy(() -> new MetadataFreeCopies(100).copyOf(FileType.PNG, EvidenceFixtures.png(20, 20)))
                .isInstanceOfSatisfying(CandorException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.EVIDENCE_TOO_MANY_PIXELS));
    }

    @Test
    void everyExifOrientationComesOutUpright() {
        BufferedImage image = new BufferedImage(3, 2, BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, 0xFF0000);
        int[][] expectedRedCorner = {null, {0, 0}, {2, 0}, {2, 1}, {0, 1}, {0, 0}, {1, 0}, {1, 2}, {0, 2}};
        for (int orientation = 1; orientation <= 8; orientation++) {
            BufferedImage turned = MetadataFreeCopies.upright(image, orientation);
            int[] red = expectedRedCorner[orientation];
            assertThat(turned.getRGB(red[0], red[1]) & 0xFFFFFF).as("orientation %d", orientation).isEqualTo(0xFF0000);
            assertThat(turned.getWidth()).isEqualTo(orientation >= 5 ? 2 : 3);
        }
    }
}
