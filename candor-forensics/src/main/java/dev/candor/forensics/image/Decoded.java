package dev.candor.forensics.image;

import java.awt.image.BufferedImage;

/**
 * The outcome of a guarded decode: an image or a refusal with a reason a person can read.
 */
public sealed interface Decoded {

    /** @param subsampling the factor the image was reduced by while decoding (1 = full size) */
    record Image(BufferedImage image, int subsampling) implements Decoded {
    }

    record Refused(Reason reason, String message) implements Decoded {
    }

    enum Reason { UNSUPPORTED_FORMAT, TOO_LARGE, CORRUPT, TIMED_OUT }
}
