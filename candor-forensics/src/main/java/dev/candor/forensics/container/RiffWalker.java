package dev.candor.forensics.container;

import dev.candor.forensics.image.ImageFormat;

import java.nio.charset.StandardCharsets;

/** Walks the RIFF chunks of a WebP file (Google's WebP container specification). */
final class RiffWalker {

    private RiffWalker() {
    }

    static Container walk(byte[] b) {
        ContainerBuilder c = new ContainerBuilder(ImageFormat.WEBP);
        long riffEnd = Math.min(b.length, 8 + readU32le(b, 4));
        int pos = 12;
        while (pos + 8 <= riffEnd) {
            String type = new String(b, pos, 4, StandardCharsets.ISO_8859_1);
            long length = readU32le(b, pos + 4);
            int data = pos + 8;
            if (length > riffEnd - data) {
                c.warnings.add("chunk " + type + " at offset " + pos + " overruns the file");
                break;
            }
            int len = (int) length;
            switch (type) {
                case "VP8X" -> {
                    if (len >= 10) {
                        c.width = 1 + readU24le(b, data + 4);
                        c.height = 1 + readU24le(b, data + 7);
                    }
                }
                case "VP8 " -> {
                    if (c.width == 0 && len >= 10 && (b[data + 3] & 0xff) == 0x9d && (b[data + 4] & 0xff) == 0x01
                            && (b[data + 5] & 0xff) == 0x2a) {
                        c.width = readU16le(b, data + 6) & 0x3fff;
                        c.height = readU16le(b, data + 8) & 0x3fff;
                    }
                }
                case "VP8L" -> {
                    if (c.width == 0 && len >= 5 && (b[data] & 0xff) == 0x2f) {
                        long bits = readU32le(b, data + 1);
                        c.width = 1 + (int) (bits & 0x3fff);
                        c.height = 1 + (int) ((bits >> 14) & 0x3fff);
                    }
                }
                case "EXIF" -> c.exif.add(stripExifPrefix(JpegWalker.slice(b, data, len)));
                case "XMP " -> c.xmp.add(new String(b, data, len, StandardCharsets.UTF_8));
                case "C2PA" -> {
                    if (c.jumbf == null) {
                        c.jumbf = JpegWalker.slice(b, data, len);
                    }
                }
                default -> {
                }
            }
            pos = data + len + (len & 1);
        }
        if (8 + readU32le(b, 4) > b.length) {
            c.warnings.add("RIFF size exceeds the file: the file is truncated");
        }
        return c.build();
    }

    private static byte[] stripExifPrefix(byte[] exif) {
        byte[] prefix = "Exif\0\0".getBytes(StandardCharsets.ISO_8859_1);
        return JpegWalker.startsWith(exif, 0, exif.length, prefix) ? JpegWalker.slice(exif, 6, exif.length - 6) : exif;
    }

    private static long readU32le(byte[] b, int p) {
        if (p + 4 > b.length) {
            return 0;
        }
        return (b[p] & 0xffL) | ((b[p + 1] & 0xffL) << 8) | ((b[p + 2] & 0xffL) << 16) | ((b[p + 3] & 0xffL) << 24);
    }

    private static int readU24le(byte[] b, int p) {
        return (b[p] & 0xff) | ((b[p + 1] & 0xff) << 8) | ((b[p + 2] & 0xff) << 16);
    }

    private static int readU16le(byte[] b, int p) {
        return (b[p] & 0xff) | ((b[p + 1] & 0xff) << 8);
    }
}
