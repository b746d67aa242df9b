package dev.candor.forensics.listing;

import dev.candor.forensics.ForensicReport;
import dev.candor.forensics.image.Pixels;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Compares an evidence photo with the aligned listing photo and returns the regions that differ.
 * Brightness and contrast are undone by a per-channel least-squares fit; the signed per-channel difference is
 * averaged over a window, so that residuals of resampling, recompression and sub-pixel misalignment (which change
 * sign from pixel to pixel) cancel while a painted stain or hole (which shifts colour one way) stays; the result is
 * thresholded against the photo's own noise level.
 */
final class EditLocator {

    /** Longer side of the grid the difference is computed on. */
    static final int GRID = 384;
    /** An averaged difference below this (0-255 levels) is never an edit. */
    static final float MIN_LEVEL = 20f;
    /** Share of the threshold down to which a region seeded above the threshold extends. */
    static final float HYSTERESIS = 0.6f;
    /** Radius of the averaging window on the {@link #GRID} grid (9x9 pixels, about 2% of the longer side). */
    static final int SMOOTHING_RADIUS = 4;
    /** Components smaller than this share of the photo are noise. */
    static final double MIN_AREA = 0.0015;

    record Result(List<ForensicReport.Region> regions, byte[] heatMapPng) {
    }

    private EditLocator() {
    }

    /**
     * @param evidence       the evidence photo, possibly reduced
     * @param evidenceWidth  the evidence photo's full width: regions are reported in full-size pixels
     * @param evidenceHeight the evidence photo's full height
     */
    static Result locate(BufferedImage evidence, int evidenceWidth, int evidenceHeight, BufferedImage listing,
                         Alignment alignment) {
        Plane e = Plane.of(Pixels.fit(evidence, GRID));
        Plane l = Plane.of(listing);
        int w = e.width;
        int h = e.height;
        float[][] mapped = new float[3][w * h];
        for (int i = 0; i < h; i++) {
            for (int j = 0; j < w; j++) {
                float[] p = alignment.map(j + 0.5f, i + 0.5f, w, l.width);
                for (int c = 0; c < 3; c++) {
                    mapped[c][i * w + j] = l.sample(l.channels[c], p[0], p[1]);
                }
            }
        }
        float[][] gain = fit(e.channels, mapped);
        float[] smooth = new float[w * h];
        float[] signed = new float[w * h];
        for (int c = 0; c < 3; c++) {
            for (int k = 0; k < w * h; k++) {
                signed[k] = e.channels[c][k] - (gain[c][0] * mapped[c][k] + gain[c][1]);
            }
            float[] blurred = boxBlur(signed, w, h, SMOOTHING_RADIUS);
            for (int k = 0; k < w * h; k++) {
                smooth[k] = Math.max(smooth[k], Math.abs(blurred[k]));
            }
        }
        float threshold = Math.max(MIN_LEVEL, noiseThreshold(smooth));
        boolean[] weak = new boolean[w * h];
        boolean[] strong = new boolean[w * h];
        for (int k = 0; k < weak.length; k++) {
            weak[k] = smooth[k] > threshold * HYSTERESIS;
            strong[k] = smooth[k] > threshold;
        }
        List<int[]> boxes = components(weak, strong, w, h, (int) Math.ceil(MIN_AREA * w * h));
        double sx = (double) evidenceWidth / w;
        double sy = (double) evidenceHeight / h;
        List<ForensicReport.Region> regions = new ArrayList<>();
        for (int[] b : merge(boxes, Math.max(2, w / 50))) {
            regions.add(new ForensicReport.Region((int) Math.floor(b[0] * sx), (int) Math.floor(b[1] * sy),
                    (int) Math.min(evidenceWidth, Math.ceil((b[2] + 1) * sx)),
                    (int) Math.min(evidenceHeight, Math.ceil((b[3] + 1) * sy))));
        }
        return new Result(regions, heatMap(smooth, w, h, threshold));
    }

    /** Least-squares {@code evidence = a * listing + b} per channel. */
    private static float[][] fit(float[][] evidence, float[][] listing) {
        float[][] out = new float[3][2];
        for (int c = 0; c < 3; c++) {
            double sx = 0;
            double sy = 0;
            double sxx = 0;
            double sxy = 0;
            int n = evidence[c].length;
            for (int k = 0; k < n; k++) {
                double x = listing[c][k];
                double y = evidence[c][k];
                sx += x;
                sy += y;
                sxx += x * x;
                sxy += x * y;
            }
            double var = sxx - sx * sx / n;
            double a = var < 1e-6 ? 1 : (sxy - sx * sy / n) / var;
            out[c][0] = (float) a;
            out[c][1] = (float) ((sy - a * sx) / n);
        }
        return out;
    }

    /** Median plus eight robust standard deviations (MAD) of the smoothed difference. */
    private static float noiseThreshold(float[] values) {
        float[] sorted = values.clone();
        Arrays.sort(sorted);
        float median = sorted[sorted.length / 2];
        float[] dev = new float[sorted.length];
        for (int i = 0; i < sorted.length; i++) {
            dev[i] = Math.abs(sorted[i] - median);
        }
        Arrays.sort(dev);
        return median + 8 * 1.4826f * dev[dev.length / 2];
    }

    static float[] boxBlur(float[] in, int w, int h, int r) {
        float[] tmp = new float[in.length];
        float[] out = new float[in.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                float s = 0;
                int n = 0;
                for (int k = Math.max(0, x - r); k <= Math.min(w - 1, x + r); k++) {
                    s += in[y * w + k];
                    n++;
                }
                tmp[y * w + x] = s / n;
            }
        }
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                float s = 0;
                int n = 0;
                for (int k = Math.max(0, y - r); k <= Math.min(h - 1, y + r); k++) {
                    s += tmp[k * w + x];
                    n++;
                }
                out[y * w + x] = s / n;
            }
        }
        return out;
    }

    /**
     * 4-connected components of {@code mask} that contain at least {@code minArea} pixels of {@code seed}
     * (hysteresis thresholding: an edit is seeded by clearly changed pixels and spreads over its fainter parts),
     * as {@code [x0, y0, x1, y1]} (inclusive).
     */
    static List<int[]> components(boolean[] mask, boolean[] seed, int w, int h, int minArea) {
        int[] label = new int[mask.length];
        int[] stack = new int[mask.length];
        List<int[]> boxes = new ArrayList<>();
        int next = 0;
        for (int start = 0; start < mask.length; start++) {
            if (!mask[start] || label[start] != 0) {
                continue;
            }
            next++;
            int top = 0;
            stack[top++] = start;
            label[start] = next;
            int area = 0;
            int seeded = 0;
            int[] box = {w, h, -1, -1};
            while (top > 0) {
                int k = stack[--top];
                int x = k % w;
                int y = k / w;
                area++;
                if (seed[k]) {
                    seeded++;
                }
                box[0] = Math.min(box[0], x);
                box[1] = Math.min(box[1], y);
                box[2] = Math.max(box[2], x);
                box[3] = Math.max(box[3], y);
                int[] neighbours = {x > 0 ? k - 1 : -1, x < w - 1 ? k + 1 : -1, y > 0 ? k - w : -1, y < h - 1 ? k + w : -1};
                for (int n : neighbours) {
                    if (n >= 0 && mask[n] && label[n] == 0) {
                        label[n] = next;
                        stack[top++] = n;
                    }
                }
            }
            if (area >= minArea && seeded >= minArea) {
                boxes.add(box);
            }
        }
        return boxes;
    }

    /** Merges boxes that overlap or lie within {@code gap} pixels of each other, until none do. */
    static List<int[]> merge(List<int[]> boxes, int gap) {
        List<int[]> out = new ArrayList<>(boxes);
        boolean merged = true;
        while (merged) {
            merged = false;
            outer:
            for (int i = 0; i < out.size(); i++) {
                for (int j = i + 1; j < out.size(); j++) {
                    int[] a = out.get(i);
                    int[] b = out.get(j);
                    if (a[0] - gap <= b[2] && b[0] - gap <= a[2] && a[1] - gap <= b[3] && b[1] - gap <= a[3]) {
                        out.set(i, new int[] {Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[2], b[2]), Math.max(a[3], b[3])});
                        out.remove(j);
                        merged = true;
                        break outer;
                    }
                }
            }
        }
        return out;
    }

    /** Differences as a blue-to-red PNG; everything at or above twice the threshold is full red. */
    static byte[] heatMap(float[] values, int w, int h, float threshold) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        float top = 2 * threshold;
        for (int k = 0; k < values.length; k++) {
            float t = Math.min(1f, values[k] / top);
            int r = (int) (255 * Math.min(1f, 2 * t));
            int g = (int) (255 * (1 - Math.abs(2 * t - 1)) * 0.8f);
            int b = (int) (255 * Math.max(0f, 1 - 2 * t));
            img.setRGB(k % w, k / w, (r << 16) | (g << 8) | b);
        }
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(img, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
