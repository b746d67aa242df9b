package dev.candor.forensics.pdq;

import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;

/**
 * PDQ perceptual hash, written from Meta's published description (ThreatExchange {@code pdq/README.md} and
 * {@code hashing.pdf}): float luma, two passes of a Jarosz tent filter approximated by box filters whose
 * window is {@code ceil(dimension / 128)}, nearest-sample decimation to 64x64, the 16x16 low-frequency block
 * of a DCT-II, one bit per coefficient above the median. The arithmetic order follows the reference so that the
 * same decoded pixels give the same bits.
 */
public final class PdqHasher {

    /** Meta's recommended Hamming distance for a match. */
    public static final int MATCH_THRESHOLD = 31;
    /** Meta's recommended quality floor: hashes of lower quality should be discarded. */
    public static final int QUALITY_FLOOR = 50;

    private static final float LUMA_R = 0.299f;
    private static final float LUMA_G = 0.587f;
    private static final float LUMA_B = 0.114f;
    private static final int JAROSZ_PASSES = 2;
    private static final int WINDOW_DIVISOR = 128;
    private static final float[] DCT = dctMatrix();

    private PdqHasher() {
    }

    /** Hashes an image exactly as the reference does on the pixels {@link BufferedImage#getRGB} returns. */
    public static PdqResult hash(BufferedImage image) {
        return hashLuma(luma(image), image.getHeight(), image.getWidth());
    }

    private static float[] luma(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        float[] luma = new float[w * h];
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            image.getRGB(0, y, w, 1, row, 0, w);
            int base = y * w;
            for (int x = 0; x < w; x++) {
                int rgb = row[x];
                luma[base + x] = LUMA_R * ((rgb >> 16) & 0xff) + LUMA_G * ((rgb >> 8) & 0xff) + LUMA_B * (rgb & 0xff);
            }
        }
        return luma;
    }

    /** Hashes a row-major luma plane; {@code luma} is used as scratch space and overwritten. */
    public static PdqResult hashLuma(float[] luma, int rows, int cols) {
        float[] scratch = new float[rows * cols];
        jaroszFilter(luma, scratch, rows, cols, windowSize(cols), windowSize(rows));
        float[] grid = decimate(luma, rows, cols);
        int quality = quality(grid);
        float[] dct = dct64To16(grid);
        Map<Dihedral, PdqHash> hashes = new EnumMap<>(Dihedral.class);
        for (Dihedral d : Dihedral.values()) {
            hashes.put(d, toBits(transform(dct, d)));
        }
        return new PdqResult(hashes, quality);
    }

    static int windowSize(int dimension) {
        return (dimension + WINDOW_DIVISOR - 1) / WINDOW_DIVISOR;
    }

    private static void jaroszFilter(float[] a, float[] b, int rows, int cols, int windowAlongRows, int windowAlongCols) {
        for (int pass = 0; pass < JAROSZ_PASSES; pass++) {
            for (int i = 0; i < rows; i++) {
                box1d(a, b, i * cols, cols, 1, windowAlongRows);
            }
            for (int j = 0; j < cols; j++) {
                box1d(b, a, j, rows, cols, windowAlongCols);
            }
        }
    }

    private static void box1d(float[] in, float[] out, int start, int length, int stride, int window) {
        int half = (window + 2) / 2;
        int phase1 = half - 1;
        int phase2 = window - half + 1;
        int phase3 = length - window;
        int phase4 = half - 1;
        int li = start;
        int ri = start;
        int oi = start;
        float sum = 0;
        int current = 0;
        for (int i = 0; i < phase1; i++) {
            sum += in[ri];
            current++;
            ri += stride;
        }
        for (int i = 0; i < phase2; i++) {
            sum += in[ri];
            current++;
            out[oi] = sum / current;
            ri += stride;
            oi += stride;
        }
        for (int i = 0; i < phase3; i++) {
            sum += in[ri];
            sum -= in[li];
            out[oi] = sum / current;
            li += stride;
            ri += stride;
            oi += stride;
        }
        for (int i = 0; i < phase4; i++) {
            sum -= in[li];
            current--;
            out[oi] = sum / current;
            li += stride;
            oi += stride;
        }
    }

    private static float[] decimate(float[] in, int rows, int cols) {
        float[] out = new float[64 * 64];
        for (int i = 0; i < 64; i++) {
            int ini = (int) (((i + 0.5) * rows) / 64);
            for (int j = 0; j < 64; j++) {
                int inj = (int) (((j + 0.5) * cols) / 64);
                out[i * 64 + j] = in[ini * cols + inj];
            }
        }
        return out;
    }

    private static int quality(float[] grid) {
        int gradientSum = 0;
        for (int i = 0; i < 63; i++) {
            for (int j = 0; j < 64; j++) {
                float u = grid[i * 64 + j];
                float v = grid[(i + 1) * 64 + j];
                gradientSum += Math.abs((int) (((u - v) * 100) / 255));
            }
        }
        for (int i = 0; i < 64; i++) {
            for (int j = 0; j < 63; j++) {
                float u = grid[i * 64 + j];
                float v = grid[i * 64 + j + 1];
                gradientSum += Math.abs((int) (((u - v) * 100) / 255));
            }
        }
        return Math.min(100, gradientSum / 90);
    }

    private static float[] dctMatrix() {
        float[] m = new float[16 * 64];
        double scale = Math.sqrt(2.0 / 64);
        for (int i = 0; i < 16; i++) {
            for (int j = 0; j < 64; j++) {
                m[i * 64 + j] = (float) (scale * Math.cos((Math.PI / 2 / 64) * (i + 1) * (2 * j + 1)));
            }
        }
        return m;
    }

    private static float[] dct64To16(float[] a) {
        float[] t = new float[16 * 64];
        for (int i = 0; i < 16; i++) {
            for (int j = 0; j < 64; j++) {
                float sum = 0;
                for (int k = 0; k < 64; k++) {
                    sum += DCT[i * 64 + k] * a[k * 64 + j];
                }
                t[i * 64 + j] = sum;
            }
        }
        float[] b = new float[16 * 16];
        for (int i = 0; i < 16; i++) {
            for (int j = 0; j < 16; j++) {
                float sum = 0;
                for (int k = 0; k < 64; k++) {
                    sum += t[i * 64 + k] * DCT[j * 64 + k];
                }
                b[i * 16 + j] = sum;
            }
        }
        return b;
    }

    /**
     * Rotating or flipping the image permutes and negates the DCT coefficients, so the dihedral hashes come
     * from the one DCT: odd basis functions change sign under a flip, a transpose swaps the axes.
     */
    private static float[] transform(float[] a, Dihedral d) {
        float[] b = new float[256];
        for (int i = 0; i < 16; i++) {
            for (int j = 0; j < 16; j++) {
                float v = a[i * 16 + j];
                boolean iOdd = (i & 1) == 1;
                boolean jOdd = (j & 1) == 1;
                boolean sumOdd = ((i + j) & 1) == 1;
                switch (d) {
                    case ORIGINAL -> b[i * 16 + j] = v;
                    case ROTATE_90 -> b[j * 16 + i] = jOdd ? v : -v;
                    case ROTATE_180 -> b[i * 16 + j] = sumOdd ? -v : v;
                    case ROTATE_270 -> b[j * 16 + i] = iOdd ? v : -v;
                    case FLIP_X -> b[i * 16 + j] = iOdd ? v : -v;
                    case FLIP_Y -> b[i * 16 + j] = jOdd ? v : -v;
                    case FLIP_PLUS_1 -> b[j * 16 + i] = v;
                    case FLIP_MINUS_1 -> b[j * 16 + i] = sumOdd ? -v : v;
                }
            }
        }
        return b;
    }

    private static PdqHash toBits(float[] coefficients) {
        float[] sorted = coefficients.clone();
        Arrays.sort(sorted);
        float median = sorted[(sorted.length + 1) / 2 - 1];
        boolean[] bits = new boolean[256];
        for (int k = 0; k < 256; k++) {
            bits[k] = coefficients[k] > median;
        }
        return PdqHash.fromBits(bits);
    }
}
