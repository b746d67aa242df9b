package dev.candor.forensics.listing;

import java.awt.image.BufferedImage;

/** An RGB image as three float planes (0-255) with bilinear sampling. */
final class Plane {
    final int width;
    final int height;
    final float[][] channels;
    final float[] luma;

    private Plane(int width, int height, float[][] channels) {
        this.width = width;
        this.height = height;
        this.channels = channels;
        this.luma = new float[width * height];
        for (int i = 0; i < luma.length; i++) {
            luma[i] = 0.299f * channels[0][i] + 0.587f * channels[1][i] + 0.114f * channels[2][i];
        }
    }

    static Plane of(BufferedImage img) {
        int w = img.getWidth();
        int h = img.getHeight();
        float[][] c = new float[3][w * h];
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            img.getRGB(0, y, w, 1, row, 0, w);
            for (int x = 0; x < w; x++) {
                int p = row[x];
                c[0][y * w + x] = (p >> 16) & 0xff;
                c[1][y * w + x] = (p >> 8) & 0xff;
                c[2][y * w + x] = p & 0xff;
            }
        }
        return new Plane(w, h, c);
    }

    /** Bilinear sample of {@code plane} at pixel-centre coordinates, clamped to the edges. */
    float sample(float[] plane, float x, float y) {
        float fx = Math.clamp(x - 0.5f, 0, width - 1);
        float fy = Math.clamp(y - 0.5f, 0, height - 1);
        int x0 = (int) fx;
        int y0 = (int) fy;
        int x1 = Math.min(x0 + 1, width - 1);
        int y1 = Math.min(y0 + 1, height - 1);
        float ax = fx - x0;
        float ay = fy - y0;
        float top = plane[y0 * width + x0] * (1 - ax) + plane[y0 * width + x1] * ax;
        float bottom = plane[y1 * width + x0] * (1 - ax) + plane[y1 * width + x1] * ax;
        return top * (1 - ay) + bottom * ay;
    }
}
