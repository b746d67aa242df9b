package dev.candor.evidence.model;

/**
 * The EXIF orientation of a JPEG (TIFF tag 0x0112 in IFD0 of the APP1 Exif segment), so that a copy
 * re-encoded without metadata can be turned upright instead of losing the tag that said how.
 */
public final class ExifOrientation {

    /** Upright: nothing to do. */
    public static final int NORMAL = 1;

    private static final int ORIENTATION_TAG = 0x0112;

    private ExifOrientation() {
    }

    /** The orientation 1 to 8 of a JPEG; {@link #NORMAL} when there is none or it cannot be read. */
    public static int of(byte[] jpeg) {
        int i = 2;
        while (i + 4 <= jpeg.length && (jpeg[i] & 0xFF) == 0xFF) {
            int marker = jpeg[i + 1] & 0xFF;
            if (marker == 0xDA || marker == 0xD9) {
                break;
            }
            int length = Bytes.u16be(jpeg, i + 2);
            if (length < 2) {
                break;
            }
            if (marker == 0xE1 && Bytes.ascii(jpeg, i + 4, "Exif\0\0")) {
                return orientation(jpeg, i + 10, Math.min(jpeg.length, i + 2 + length));
            }
            i += 2 + length;
        }
        return NORMAL;
    }

    private static int orientation(byte[] b, int tiff, int end) {
        if (tiff + 8 > end) {
            return NORMAL;
        }
        boolean little = Bytes.ascii(b, tiff, "II");
        if (!little && !Bytes.ascii(b, tiff, "MM")) {
            return NORMAL;
        }
        long ifd = tiff + u32(b, tiff + 4, little);
        if (ifd + 2 > end) {
            return NORMAL;
        }
        int entries = u16(b, (int) ifd, little);
        for (int n = 0; n < entries; n++) {
            int entry = (int) ifd + 2 + n * 12;
            if (entry + 12 > end) {
                return NORMAL;
            }
            if (u16(b, entry, little) == ORIENTATION_TAG) {
                int value = u16(b, entry + 8, little);
                return value >= 1 && value <= 8 ? value : NORMAL;
            }
        }
        return NORMAL;
    }

    private static int u16(byte[] b, int i, boolean little) {
        return little ? Bytes.u16le(b, i) : Bytes.u16be(b, i);
    }

    private static long u32(byte[] b, int i, boolean little) {
        return little ? Bytes.u32le(b, i) : Bytes.u32be(b, i);
    }
}
