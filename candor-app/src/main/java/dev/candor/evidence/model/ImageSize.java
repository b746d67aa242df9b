package dev.candor.evidence.model;

import java.util.Optional;

/**
 * A photo's dimensions as its header states them, read without decoding any pixel data, so that a
 * decompression bomb (a small file claiming a huge canvas) is refused before a decoder allocates it.
 */
public record ImageSize(int width, int height) {

    public long pixels() {
        return (long) width * height;
    }

    /** The dimensions in the header of a JPEG, PNG or WebP; empty when the header is missing or malformed. */
    public static Optional<ImageSize> read(FileType type, byte[] bytes) {
        ImageSize size = switch (type) {
            case JPEG -> jpeg(bytes);
            case PNG -> png(bytes);
            case WEBP -> webp(bytes);
            default -> null;
        };
        return Optional.ofNullable(size).filter(s -> s.width > 0 && s.height > 0);
    }

    private static ImageSize png(byte[] b) {
        if (b.length < 24 || !Bytes.ascii(b, 12, "IHDR")) {
            return null;
        }
        long width = Bytes.u32be(b, 16);
        long height = Bytes.u32be(b, 20);
        return width > Integer.MAX_VALUE || height > Integer.MAX_VALUE ? null : new ImageSize((int) width, (int) height);
    }

    /** Walks the JPEG markers up to the first start-of-frame (ITU T.81, B.1.1.3 and B.2.2). */
    private static ImageSize jpeg(byte[] b) {
        int i = 2;
        while (i + 4 <= b.length) {
            if ((b[i] & 0xFF) != 0xFF) {
                return null;
            }
            int marker = b[i + 1] & 0xFF;
            if (marker == 0xFF) {
                i++;
                continue;
            }
            if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
                i += 2;
                continue;
            }
            if (marker == 0xD9 || marker == 0xDA) {
                return null;
            }
            int length = Bytes.u16be(b, i + 2);
            if (isStartOfFrame(marker)) {
                return i + 9 <= b.length ? new ImageSize(Bytes.u16be(b, i + 7), Bytes.u16be(b, i + 5)) : null;
            }
            if (length < 2) {
                return null;
            }
            i += 2 + length;
        }
        return null;
    }

    private static boolean isStartOfFrame(int marker) {
        return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
    }

    /** The first chunk of a WebP names its bitstream (Google's WebP container specification). */
    private static ImageSize webp(byte[] b) {
        if (b.length < 30) {
            return null;
        }
        if (Bytes.ascii(b, 12, "VP8X")) {
            return new ImageSize(Bytes.u24le(b, 24) + 1, Bytes.u24le(b, 27) + 1);
        }
        if (Bytes.ascii(b, 12, "VP8L")) {
            if ((b[20] & 0xFF) != 0x2F) {
                return null;
            }
            long bits = Bytes.u32le(b, 21);
            return new ImageSize((int) (bits & 0x3FFF) + 1, (int) ((bits >> 14) & 0x3FFF) + 1);
        }
        if (Bytes.ascii(b, 12, "VP8 ")) {
            if ((b[23] & 0xFF) != 0x9D || (b[24] & 0xFF) != 0x01 || (b[25] & 0xFF) != 0x2A) {
                return null;
            }
            return new ImageSize(Bytes.u16le(b, 26) & 0x3FFF, Bytes.u16le(b, 28) & 0x3FFF);
        }
        return null;
    }
}
