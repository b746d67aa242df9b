package dev.candor.forensics.image;

/** Image formats recognised by their magic bytes; only JPEG, PNG and WebP are decoded. */
public enum ImageFormat {
    JPEG(true), PNG(true), WEBP(true), GIF(false), HEIC(false), AVIF(false), TIFF(false), BMP(false), UNKNOWN(false);

    private final boolean decodable;

    ImageFormat(boolean decodable) {
        this.decodable = decodable;
    }

    public boolean decodable() {
        return decodable;
    }

    public static ImageFormat sniff(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xD8 && (b[2] & 0xff) == 0xFF) {
            return JPEG;
        }
        if (startsWith(b, 0, new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'})) {
            return PNG;
        }
        if (startsWith(b, 0, "RIFF".getBytes()) && startsWith(b, 8, "WEBP".getBytes())) {
            return WEBP;
        }
        if (startsWith(b, 0, "GIF87a".getBytes()) || startsWith(b, 0, "GIF89a".getBytes())) {
            return GIF;
        }
        if (startsWith(b, 4, "ftyp".getBytes()) && b.length >= 12) {
            String brand = new String(b, 8, 4, java.nio.charset.StandardCharsets.US_ASCII);
            if (brand.startsWith("avi")) {
                return AVIF;
            }
            if (brand.startsWith("hei") || brand.startsWith("hev") || brand.equals("mif1") || brand.equals("msf1")) {
                return HEIC;
            }
        }
        if (startsWith(b, 0, new byte[] {'I', 'I', 42, 0}) || startsWith(b, 0, new byte[] {'M', 'M', 0, 42})) {
            return TIFF;
        }
        if (startsWith(b, 0, "BM".getBytes())) {
            return BMP;
        }
        return UNKNOWN;
    }

    private static boolean startsWith(byte[] b, int offset, byte[] prefix) {
        if (b.length < offset + prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (b[offset + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
