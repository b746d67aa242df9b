package dev.candor.evidence.model;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Reading unsigned integers and ASCII tags out of file headers. */
final class Bytes {

    private Bytes() {
    }

    static int u16be(byte[] b, int i) {
        return (b[i] & 0xFF) << 8 | (b[i + 1] & 0xFF);
    }

    static int u16le(byte[] b, int i) {
        return (b[i + 1] & 0xFF) << 8 | (b[i] & 0xFF);
    }

    static int u24le(byte[] b, int i) {
        return (b[i + 2] & 0xFF) << 16 | (b[i + 1] & 0xFF) << 8 | (b[i] & 0xFF);
    }

    static long u32be(byte[] b, int i) {
        return (long) u16be(b, i) << 16 | u16be(b, i + 2);
    }

    static long u32le(byte[] b, int i) {
        return (long) u16le(b, i + 2) << 16 | u16le(b, i);
    }

    static long u64be(byte[] b, int i) {
        return u32be(b, i) << 32 | u32be(b, i + 4);
    }

    static boolean startsWith(byte[] b, int... prefix) {
        if (b.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((b[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    static boolean ascii(byte[] b, int offset, String text) {
        byte[] expected = text.getBytes(StandardCharsets.US_ASCII);
        return offset >= 0 && b.length >= offset + expected.length
                && Arrays.equals(b, offset, offset + expected.length, expected, 0, expected.length);
    }

    static String fourCc(byte[] b, int offset) {
        return new String(b, offset, 4, StandardCharsets.ISO_8859_1);
    }
}
