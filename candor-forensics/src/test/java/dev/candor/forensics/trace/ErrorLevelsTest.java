package dev.candor.forensics.trace;

import dev.candor.forensics.DefectPainter;
import dev.candor.forensics.Finding;
import dev.candor.forensics.Fixtures;
import dev.candor.forensics.Strength;
import dev.candor.forensics.TestImages;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/** Error level analysis is weak evidence; these tests pin what it does offer: a HINT and a block map. */
class ErrorLevelsTest {

    private static BufferedImage decode(byte[] jpeg) throws IOException {
        return ImageIO.read(new ByteArrayInputStream(jpeg));
    }

    private static double level(Finding f, int x, int y, int size) throws IOException {
        BufferedImage map = decode(Base64.getDecoder().decode(f.data().get("heatMapPng")));
        double top = Double.parseDouble(f.data().get("p99Level"));
        double sum = 0;
        for (int j = y / 8; j < (y + size) / 8; j++) {
            for (int i = x / 8; i < (x + size) / 8; i++) {
                sum += map.getRaster().getSample(i, j, 0);
            }
        }
        return sum / ((size / 8.0) * (size / 8.0)) * top / 255;
    }

    @Test
    void aPatchSavedFewerTimesShowsHigherErrorLevelsThanTheSameAreaUntouched() throws IOException {
        BufferedImage original = decode(Fixtures.bytes("threatexchange-pdq/bridge-mods/aaa-orig.jpg"));
        BufferedImage compressed = decode(TestImages.jpeg(original, 0.5f));
        BufferedImage patched = DefectPainter.copy(compressed);
        Graphics2D g = patched.createGraphics();
        g.drawImage(original.getSubimage(400, 296, 256, 256), 400, 296, null);
        g.dispose();

        Finding withPatch = ErrorLevels.inspect(decode(TestImages.jpeg(patched, 0.95f))).orElseThrow();
        Finding without = ErrorLevels.inspect(decode(TestImages.jpeg(compressed, 0.95f))).orElseThrow();

        assertThat(withPatch.strength()).isEqualTo(Strength.HINT);
        assertThat(level(withPatch, 400, 296, 256)).isGreaterThan(1.15 * level(without, 400, 296, 256));
        assertThat(level(withPatch, 1000, 96, 256)).isEqualTo(level(without, 1000, 96, 256), org.assertj.core.data.Offset.offset(0.05));
    }

    @Test
    void largePhotosAreSkippedBecauseTheBlockGridWouldBeLost() {
        assertThat(ErrorLevels.inspect(new BufferedImage(2500, 2000, BufferedImage.TYPE_INT_RGB))).isEmpty();
    }
}
