package dev.candor.forensics.trace;

import java.awt.image.BufferedImage;

/** Removes uniform letterbox bars, as cameras add to fit a thumbnail into 160x120. */
final class Borders {

    private static final int TOLERANCE = 24;

    private Borders() {
    }

    static BufferedImage trim(BufferedImage img) {
        int w = img.getWidth();
        int h = img.getHeight();
        int top = 0;
        while (top < h / 3 && uniformRow(img, top)) {
            top++;
        }
        int bottom = h - 1;
        while (bottom > h * 2 / 3 && uniformRow(img, bottom)) {
            bottom--;
        }
        int left = 0;
        while (left < w / 3 && uniformColumn(img, left, top, bottom)) {
            left++;
        }
        int right = w - 1;
        while (right > w * 2 / 3 && uniformColumn(img, right, top, bottom)) {
            right--;
        }
        return img.getSubimage(left, top, right - left + 1, bottom - top + 1);
    }

    private static boolean uniformRow(BufferedImage img, int y) {
        int first = img.getRGB(0, y);
        for (int x = 1; x < img.getWidth(); x++) {
            if (!close(first, img.getRGB(x, y))) {
                return false;
            }
        }
        return isDark(first);
    }

    private static boolean uniformColumn(BufferedImage img, int x, int top, int bottom) {
        int first = img.getRGB(x, top);
        for (int y = top + 1; y <= bottom; y++) {
            if (!close(first, img.getRGB(x, y))) {
                return false;
            }
        }
        return isDark(first);
    }

    private static boolean isDark(int p) {
        return ((p >> 16) & 0xff) < 40 && ((p >> 8) & 0xff) < 40 && (p & 0xff) < 40;
    }

    private static boolean close(int a, int b) {
        return Math.abs(((a >> 16) & 0xff) - ((b >> 16) & 0xff)) < TOLERANCE
                && Math.abs(((a >> 8) & 0xff) - ((b >> 8) & 0xff)) < TOLERANCE
                && Math.abs((a & 0xff) - (b & 0xff)) < TOLERANCE;
    }
}
