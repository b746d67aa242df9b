package dev.candor.commerce.model;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/** The image types a listing photo may have, each recognised by its leading (magic) bytes. */
public enum PhotoType {
    JPEG("image/jpeg"),
    PNG("image/png"),
    WEBP("image/webp");

    private static final byte[] JPEG_START = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final byte[] RIFF = "RIFF".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] WEBP_FOURCC = "WEBP".getBytes(StandardCharsets.US_ASCII);

    private final String mediaType;

    PhotoType(String mediaType) {
        this.mediaType = mediaType;
    }

    public String mediaType() {
        return mediaType;
    }

    public static Optional<PhotoType> ofMediaType(String mediaType) {
        return Arrays.stream(values()).filter(t -> t.mediaType.equalsIgnoreCase(mediaType)).findFirst();
    }

    /** Whether the bytes begin as a file of this type must (JPEG SOI marker, PNG signature, RIFF....WEBP). */
    public boolean matches(byte[] bytes) {
        return switch (this) {
            case JPEG -> startsWith(bytes, 0, JPEG_START);
            case PNG -> startsWith(bytes, 0, PNG_SIGNATURE);
            case WEBP -> startsWith(bytes, 0, RIFF) && startsWith(bytes, 8, WEBP_FOURCC);
        };
    }

    private static boolean startsWith(byte[] bytes, int offset, byte[] prefix) {
        return bytes.length >= offset + prefix.length
                && Arrays.equals(bytes, offset, offset + prefix.length, prefix, 0, prefix.length);
    }
}
