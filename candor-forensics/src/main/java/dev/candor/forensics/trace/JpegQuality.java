package dev.candor.forensics.trace;

import dev.candor.forensics.container.Container;

import java.util.List;

/**
 * Estimates JPEG quality from the quantization tables by comparing them with the example tables of ITU T.81
 * Annex K scaled the way the IJG libjpeg does ({@code jpeg_quality_scaling}); an exact match means a libjpeg-style
 * software encoder wrote the file, camera firmware and Photoshop use tables of their own.
 *
 * @param quality  the IJG quality 1-100 whose tables are closest
 * @param standard whether both the luminance and the chrominance table equal the IJG tables at that quality
 */
public record JpegQuality(int quality, boolean standard) {

    /** T.81 Table K.1, in zig-zag order. */
    private static final int[] LUMA = {16, 11, 12, 14, 12, 10, 16, 14, 13, 14, 18, 17, 16, 19, 24, 40, 26, 24, 22, 22,
            24, 49, 35, 37, 29, 40, 58, 51, 61, 60, 57, 51, 56, 55, 64, 72, 92, 78, 64, 68, 87, 69, 55, 56, 80, 109, 81, 87,
            95, 98, 103, 104, 103, 62, 77, 113, 121, 112, 100, 120, 92, 101, 103, 99};
    /** T.81 Table K.2, in zig-zag order. */
    private static final int[] CHROMA = {17, 18, 18, 24, 21, 24, 47, 26, 26, 47, 99, 66, 56, 66, 99, 99, 99, 99, 99, 99,
            99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99,
            99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99};

    public static JpegQuality estimate(List<Container.QuantTable> tables) {
        Container.QuantTable luma = tables.stream().filter(t -> t.id() == 0).findFirst().orElse(null);
        if (luma == null) {
            return null;
        }
        Container.QuantTable chroma = tables.stream().filter(t -> t.id() == 1).findFirst().orElse(null);
        int bestQuality = 1;
        long bestError = Long.MAX_VALUE;
        for (int q = 1; q <= 100; q++) {
            long error = error(luma.values(), scaled(LUMA, q));
            if (error < bestError) {
                bestError = error;
                bestQuality = q;
            }
        }
        boolean standard = bestError == 0 && (chroma == null || error(chroma.values(), scaled(CHROMA, bestQuality)) == 0);
        return new JpegQuality(bestQuality, standard);
    }

    static int[] scaled(int[] base, int quality) {
        int scale = quality < 50 ? 5000 / quality : 200 - quality * 2;
        int[] out = new int[64];
        for (int i = 0; i < 64; i++) {
            out[i] = Math.clamp((base[i] * scale + 50) / 100, 1, 255);
        }
        return out;
    }

    private static long error(int[] actual, int[] expected) {
        long e = 0;
        for (int i = 0; i < 64; i++) {
            e += Math.abs(actual[i] - expected[i]);
        }
        return e;
    }
}
