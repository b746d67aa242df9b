package dev.candor.forensics.image;

import dev.candor.forensics.pdq.PdqHasher;
import dev.candor.forensics.pdq.PdqResult;

import java.awt.image.BufferedImage;

/** PDQ of a decoded photo, bounding memory for very large photos. */
public final class Hashing {

    /**
     * Above this many pixels the luma plane is box-averaged by an integer factor first: the Jarosz filter's
     * window is already dozens of pixels wide there, so the hash moves by a few bits at most while the float
     * buffers stay under 128 MB.
     */
    static final long EXACT_PIXEL_LIMIT = 16_000_000L;

    private Hashing() {
    }

    public static PdqResult pdq(BufferedImage image) {
        long pixels = (long) image.getWidth() * image.getHeight();
        if (pixels <= EXACT_PIXEL_LIMIT) {
            return PdqHasher.hash(image);
        }
        int factor = (int) Math.ceil(Math.sqrt((double) pixels / EXACT_PIXEL_LIMIT));
        int w = image.getWidth() / factor;
        int h = image.getHeight() / factor;
        float[] luma = new float[w * h];
        int[] row = new int[image.getWidth()];
        for (int y = 0; y < h * factor; y++) {
            image.getRGB(0, y, image.getWidth(), 1, row, 0, image.getWidth());
            int base = (y / factor) * w;
            for (int x = 0; x < w * factor; x++) {
                int p = row[x];
                luma[base + x / factor] += 0.299f * ((p >> 16) & 0xff) + 0.587f * ((p >> 8) & 0xff) + 0.114f * (p & 0xff);
            }
        }
        float area = factor * factor;
        for (int i = 0; i < luma.length; i++) {
            luma[i] /= area;
        }
        return PdqHasher.hashLuma(luma, h, w);
    }
}
