package dev.candor.forensics.listing;

import dev.candor.forensics.ForensicReport;

import java.awt.image.BufferedImage;
import java.util.List;

/** Regions where two renderings of the same frame differ (for example a photo and its own EXIF thumbnail). */
public final class ImageDiff {

    private ImageDiff() {
    }

    /**
     * @param image     the photo, possibly reduced
     * @param width     the photo's full width; regions are reported in full-size pixels
     * @param height    the photo's full height
     * @param reference a rendering of the same frame with the same aspect ratio, any size
     */
    public static List<ForensicReport.Region> regions(BufferedImage image, int width, int height, BufferedImage reference) {
        Alignment identity = new Alignment(0, 0, 1, 1, reference.getWidth(), reference.getHeight());
        return EditLocator.locate(image, width, height, reference, identity).regions();
    }
}
