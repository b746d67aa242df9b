package dev.candor.forensics.pdq;

import java.util.HexFormat;

/**
 * A 256-bit PDQ hash. Bit {@code k} is bit {@code k % 16} of 16-bit word {@code k / 16}; the hex form
 * prints word 15 first, as Meta's reference implementations do.
 */
public record PdqHash(long[] words) {

    public static final int BITS = 256;

    public PdqHash {
        if (words.length != 4) {
            throw new IllegalArgumentException("a PDQ hash has 4 longs, got " + words.length);
        }
        words = words.clone();
    }

    static PdqHash fromBits(boolean[] bits) {
        long[] w = new long[4];
        for (int k = 0; k < BITS; k++) {
            if (bits[k]) {
                w[k >>> 6] |= 1L << (k & 63);
            }
        }
        return new PdqHash(w);
    }

    public static PdqHash fromHex(String hex) {
        if (hex.length() != 64) {
            throw new IllegalArgumentException("a PDQ hash has 64 hex digits, got " + hex.length());
        }
        byte[] bytes = HexFormat.of().parseHex(hex);
        long[] w = new long[4];
        for (int i = 0; i < 32; i++) {
            int bitOffset = (31 - i) * 8;
            w[bitOffset >>> 6] |= (bytes[i] & 0xFFL) << (bitOffset & 63);
        }
        return new PdqHash(w);
    }

    public String toHex() {
        StringBuilder sb = new StringBuilder(64);
        for (int i = 3; i >= 0; i--) {
            sb.append(HexFormat.of().toHexDigits(words[i]));
        }
        return sb.toString();
    }

    public int distance(PdqHash other) {
        int d = 0;
        for (int i = 0; i < 4; i++) {
            d += Long.bitCount(words[i] ^ other.words[i]);
        }
        return d;
    }

    @Override
    public long[] words() {
        return words.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PdqHash h && java.util.Arrays.equals(words, h.words);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(words);
    }

    @Override
    public String toString() {
        return toHex();
    }
}
