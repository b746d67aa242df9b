package dev.candor.forensics.bench;

import dev.candor.forensics.DefectPainter;
import dev.candor.forensics.Fixtures;
import dev.candor.forensics.TestImages;

import javax.imageio.ImageIO;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Random;

/**
 * A 12-megapixel camera-like JPEG made from the ThreatExchange bridge photo: upscaled to 4384x2752 (its own aspect
 * ratio) with bicubic
 * interpolation, sensor-like noise added (so the file is as large as a phone photo: about 4 MB at quality 92), a
 * hole painted on it.
 */
public final class BenchmarkPhotos {

    public static final int WIDTH = 4384;
    public static final int HEIGHT = 2752;

    private BenchmarkPhotos() {
    }

    public static byte[] photo12mp() {
        return upscaled("threatexchange-pdq/dih/bridge-1-original.jpg", true);
    }

    /** The fixture stretched to 4384x2752 with noise, optionally with a painted hole, as a quality-92 JPEG. */
    public static byte[] upscaled(String fixture, boolean withHole) {
        try {
            BufferedImage src = ImageIO.read(new ByteArrayInputStream(Fixtures.bytes(fixture)));
            BufferedImage big = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = big.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            g.drawImage(src, 0, 0, WIDTH, HEIGHT, null);
            g.dispose();
            if (withHole) {
                DefectPainter.paint(big, DefectPainter.Defect.HOLE, 1500, 1700, 500, 5);
            }
            Random random = new Random(42);
            int[] row = new int[WIDTH];
            for (int y = 0; y < HEIGHT; y++) {
                big.getRGB(0, y, WIDTH, 1, row, 0, WIDTH);
                for (int x = 0; x < WIDTH; x++) {
                    int n = (int) (random.nextGaussian() * 6);
                    int p = row[x];
                    row[x] = clamp(((p >> 16) & 0xff) + n) << 16 | clamp(((p >> 8) & 0xff) + n) << 8 | clamp((p & 0xff) + n);
                }
                big.setRGB(0, y, WIDTH, 1, row, 0, WIDTH);
            }
            return TestImages.jpeg(big, 0.92f);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }
}
