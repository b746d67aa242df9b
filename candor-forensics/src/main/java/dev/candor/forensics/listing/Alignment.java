package dev.candor.forensics.listing;

import dev.candor.forensics.image.Pixels;

import java.awt.image.BufferedImage;

/**
 * Where an evidence photo sits in a listing photo, assuming the evidence is a crop of the listing rescaled
 * uniformly (the usual "screenshot, crop, re-save"): a region {@code x, y, w} of the listing (height follows from
 * the evidence's aspect ratio), found by maximising the normalised cross-correlation of luma, which ignores
 * brightness and contrast changes. Coarse-to-fine exhaustive search: a small image pair first, then a refinement.
 *
 * @param x     left of the region in listing pixels
 * @param y     top of the region in listing pixels
 * @param scale region width divided by listing width
 * @param score normalised cross-correlation at the best position, -1..1
 */
record Alignment(float x, float y, float scale, float score, int listingWidth, int listingHeight) {

    /** The smallest crop searched: the region keeps at least this share of the listing's width. */
    static final float MIN_SCALE = 0.80f;

    float regionWidth() {
        return scale * listingWidth;
    }

    static Alignment find(BufferedImage evidence, BufferedImage listing) {
        float aspect = (float) evidence.getHeight() / evidence.getWidth();
        Plane coarseListing = Plane.of(Pixels.fit(listing, 96));
        Plane coarseEvidence = Plane.of(Pixels.fit(evidence, 64));
        Alignment best = null;
        int ew = coarseEvidence.width;
        int eh = coarseEvidence.height;
        double eSum = 0;
        double eSq = 0;
        for (float v : coarseEvidence.luma) {
            eSum += v;
            eSq += v * v;
        }
        for (float s = MIN_SCALE; s <= 1.0001f; s += 0.02f) {
            float rw = s * coarseListing.width;
            if (rw * aspect > coarseListing.height * 1.02f) {
                continue;
            }
            float f = ew / rw;
            int sw = Math.max(ew, Math.round(coarseListing.width * f));
            int sh = Math.max(eh, Math.round(coarseListing.height * f));
            float[] resampled = new float[sw * sh];
            for (int i = 0; i < sh; i++) {
                for (int j = 0; j < sw; j++) {
                    resampled[i * sw + j] = coarseListing.sample(coarseListing.luma, (j + 0.5f) / f, (i + 0.5f) / f);
                }
            }
            for (int oy = 0; oy <= sh - eh; oy++) {
                for (int ox = 0; ox <= sw - ew; ox++) {
                    float score = nccAt(coarseEvidence.luma, ew, eh, eSum, eSq, resampled, sw, ox, oy);
                    if (best == null || score > best.score) {
                        best = new Alignment(ox / f, oy / f, s, score, coarseListing.width, coarseListing.height);
                    }
                }
            }
        }
        if (best == null) {
            return null;
        }
        Plane fineListing = Plane.of(Pixels.fit(listing, 320));
        Plane fineEvidence = Plane.of(Pixels.fit(evidence, 128));
        float k = (float) fineListing.width / coarseListing.width;
        Alignment refined = null;
        for (float s = best.scale - 0.012f; s <= best.scale + 0.0121f; s += 0.006f) {
            if (s > 1.0001f || s < MIN_SCALE - 0.02f) {
                continue;
            }
            float rw = s * fineListing.width;
            float rh = rw * aspect;
            for (float dy = -3; dy <= 3; dy += 1) {
                for (float dx = -3; dx <= 3; dx += 1) {
                    float x = best.x * k + dx;
                    float y = best.y * k + dy;
                    float score = ncc(fineEvidence, fineListing, x, y, rw, rh);
                    if (refined == null || score > refined.score) {
                        refined = new Alignment(x, y, s, score, fineListing.width, fineListing.height);
                    }
                }
            }
        }
        return refined;
    }

    /** Maps an evidence pixel centre (in an evidence image {@code ew} wide) to listing coordinates of {@code target}. */
    float[] map(float ex, float ey, int ew, int targetWidth) {
        float k = (float) targetWidth / listingWidth;
        float rw = regionWidth();
        return new float[] {(x + ex / ew * rw) * k, (y + ey / ew * rw) * k};
    }

    /** Normalised cross-correlation of {@code e} with the window of {@code r} at integer offset {@code ox, oy}. */
    private static float nccAt(float[] e, int ew, int eh, double eSum, double eSq, float[] r, int rw, int ox, int oy) {
        double sl = 0;
        double sll = 0;
        double sel = 0;
        for (int i = 0; i < eh; i++) {
            int er = i * ew;
            int rr = (oy + i) * rw + ox;
            for (int j = 0; j < ew; j++) {
                float a = e[er + j];
                float b = r[rr + j];
                sl += b;
                sll += b * b;
                sel += a * b;
            }
        }
        int n = ew * eh;
        double cov = sel - eSum * sl / n;
        double ve = eSq - eSum * eSum / n;
        double vl = sll - sl * sl / n;
        if (ve <= 1e-6 || vl <= 1e-6) {
            return 0;
        }
        return (float) (cov / Math.sqrt(ve * vl));
    }

    private static float ncc(Plane e, Plane l, float x, float y, float rw, float rh) {
        double se = 0;
        double sl = 0;
        double see = 0;
        double sll = 0;
        double sel = 0;
        int n = e.width * e.height;
        float sx = rw / e.width;
        float sy = rh / e.height;
        for (int i = 0; i < e.height; i++) {
            float ly = y + (i + 0.5f) * sy;
            for (int j = 0; j < e.width; j++) {
                float a = e.luma[i * e.width + j];
                float b = l.sample(l.luma, x + (j + 0.5f) * sx, ly);
                se += a;
                sl += b;
                see += a * a;
                sll += b * b;
                sel += a * b;
            }
        }
        double cov = sel - se * sl / n;
        double ve = see - se * se / n;
        double vl = sll - sl * sl / n;
        if (ve <= 1e-6 || vl <= 1e-6) {
            return 0;
        }
        return (float) (cov / Math.sqrt(ve * vl));
    }
}
