package dev.candor.forensics.image;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;

/** Small pixel conversions shared by the checks. */
public final class Pixels {

    private Pixels() {
    }

    /** Returns an RGB copy whose longer side is at most {@code maxSide}, area-averaged; never upscales. */
    public static BufferedImage fit(BufferedImage src, int maxSide) {
        int w = src.getWidth();
        int h = src.getHeight();
        double scale = Math.min(1.0, (double) maxSide / Math.max(w, h));
        int tw = Math.max(1, (int) Math.round(w * scale));
        int th = Math.max(1, (int) Math.round(h * scale));
        BufferedImage out = new BufferedImage(tw, th, BufferedImage.TYPE_INT_RGB);
        if (tw == w && th == h) {
            Graphics2D g = out.createGraphics();
            g.drawImage(src, 0, 0, null);
            g.dispose();
            return out;
        }
        int[] row = new int[w];
        long[] acc = new long[tw * 3];
        int[] counts = new int[tw];
        int[] dst = new int[tw];
        int current = 0;
        for (int y = 0; y < h; y++) {
            int ty = Math.min(th - 1, (int) (y * scale));
            if (ty != current) {
                flushRow(out, current, acc, counts, dst);
                current = ty;
            }
            src.getRGB(0, y, w, 1, row, 0, w);
            for (int x = 0; x < w; x++) {
                int tx = Math.min(tw - 1, (int) (x * scale));
                int p = row[x];
                acc[tx * 3] += (p >> 16) & 0xff;
                acc[tx * 3 + 1] += (p >> 8) & 0xff;
                acc[tx * 3 + 2] += p & 0xff;
                counts[tx]++;
            }
        }
        flushRow(out, current, acc, counts, dst);
        return out;
    }

    private static void flushRow(BufferedImage out, int ty, long[] acc, int[] counts, int[] dst) {
        for (int tx = 0; tx < dst.length; tx++) {
            int n = Math.max(1, counts[tx]);
            dst[tx] = (int) (acc[tx * 3] / n) << 16 | (int) (acc[tx * 3 + 1] / n) << 8 | (int) (acc[tx * 3 + 2] / n);
        }
        out.setRGB(0, ty, dst.length, 1, dst, 0, dst.length);
        java.util.Arrays.fill(acc, 0);
        java.util.Arrays.fill(counts, 0);
    }
}
