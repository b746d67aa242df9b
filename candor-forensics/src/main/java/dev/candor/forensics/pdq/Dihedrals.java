package dev.candor.forensics.pdq;

import java.awt.image.BufferedImage;

/** Applies a {@link Dihedral} to an image, so that {@code hash(apply(img, d))} is {@code hashes(img).get(d)}. */
public final class Dihedrals {

    private Dihedrals() {
    }

    public static BufferedImage apply(BufferedImage src, Dihedral d) {
        int w = src.getWidth();
        int h = src.getHeight();
        boolean transpose = switch (d) {
            case ROTATE_90, ROTATE_270, FLIP_PLUS_1, FLIP_MINUS_1 -> true;
            default -> false;
        };
        int ow = transpose ? h : w;
        int oh = transpose ? w : h;
        BufferedImage out = new BufferedImage(ow, oh, BufferedImage.TYPE_INT_RGB);
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            src.getRGB(0, y, w, 1, row, 0, w);
            for (int x = 0; x < w; x++) {
                int ox;
                int oy;
                switch (d) {
                    case ORIGINAL -> { ox = x; oy = y; }
                    case ROTATE_90 -> { ox = y; oy = w - 1 - x; }
                    case ROTATE_180 -> { ox = w - 1 - x; oy = h - 1 - y; }
                    case ROTATE_270 -> { ox = h - 1 - y; oy = x; }
                    case FLIP_X -> { ox = x; oy = h - 1 - y; }
                    case FLIP_Y -> { ox = w - 1 - x; oy = y; }
                    case FLIP_PLUS_1 -> { ox = y; oy = x; }
                    case FLIP_MINUS_1 -> { ox = h - 1 - y; oy = w - 1 - x; }
                    default -> throw new IllegalStateException();
                }
                out.setRGB(ox, oy, row[x]);
            }
        }
        return out;
    }
}
