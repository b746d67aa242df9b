package dev.candor.forensics.image;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Decodes a JPEG at 1/8 scale from the DC coefficients alone, the way libjpeg's {@code scale_denom = 8} does: the
 * DC term of each 8x8 block is the block's mean, so no inverse DCT runs, and the AC coefficients are only walked
 * to keep the bit stream in step (baseline) or not read at all (progressive: only the DC-first scans).
 * Handles 8-bit Huffman JPEGs with one (grey) or three (YCbCr, or RGB by the Adobe marker) components, any sampling,
 * restart intervals. Anything else (arithmetic coding, 12-bit, lossless, CMYK) returns {@code null} so the
 * caller can fall back to a full decode; malformed data throws {@link IllegalArgumentException}.
 */
public final class DcJpegDecoder {

    private DcJpegDecoder() {
    }

    private static final class Component {
        int id;
        int h;
        int v;
        int tq;
        int td;
        int ta;
        int blocksPerLine;
        int blocksPerColumn;
        int[] dc;
        int pred;
    }

    private static final class Huffman {
        static final int FAST_BITS = 12;
        final int[] lookup = new int[1 << 9];
        /**
         * For AC tables, by the next {@link #FAST_BITS} bits: up to two whole coefficients (code and magnitude bits)
         * that fit in them, packed as {@code first bits | total bits << 6 | first advance << 12 | total advance << 19};
         * end-of-block advances 64. 0 when the first code is longer than {@link #FAST_BITS}. The second coefficient
         * may only be taken while the first leaves the block unfinished (the caller checks {@code k + first < 64}).
         * The bit buffer always holds 32 bits, enough for any first coefficient the table covers.
         */
        final int[] acFast = new int[1 << FAST_BITS];
        final int[] maxCode = new int[18];
        final int[] valPtr = new int[17];
        final int[] minCode = new int[17];
        final int[] values;

        Huffman(int[] counts, int[] values) {
            this.values = values;
            int code = 0;
            int k = 0;
            for (int len = 1; len <= 16; len++) {
                valPtr[len] = k;
                minCode[len] = code;
                code += counts[len - 1];
                k += counts[len - 1];
                maxCode[len] = counts[len - 1] == 0 ? -1 : code - 1;
                if (len <= 9) {
                    for (int c = minCode[len]; c < code; c++) {
                        int symbol = values[valPtr[len] + c - minCode[len]];
                        int shift = 9 - len;
                        for (int fill = 0; fill < (1 << shift); fill++) {
                            lookup[(c << shift) | fill] = (len << 8) | symbol | 0x10000;
                        }
                    }
                }
                code <<= 1;
            }
            maxCode[17] = Integer.MAX_VALUE;
            int[] single = new int[1 << FAST_BITS];
            code = 0;
            k = 0;
            for (int len = 1; len <= FAST_BITS; len++) {
                for (int i = 0; i < counts[len - 1]; i++, code++, k++) {
                    int rs = values[k];
                    int r = rs >> 4;
                    int size = rs & 15;
                    int entry;
                    if (size == 0) {
                        entry = r == 15 ? len | (16 << 8) : len | (64 << 8);
                    } else {
                        entry = (len + size) | ((r + 1) << 8);
                    }
                    int base = code << (FAST_BITS - len);
                    for (int fill = 0; fill < (1 << (FAST_BITS - len)); fill++) {
                        single[base | fill] = entry;
                    }
                }
                code <<= 1;
            }
            int mask = (1 << FAST_BITS) - 1;
            for (int i = 0; i < single.length; i++) {
                int first = single[i];
                if (first == 0) {
                    continue;
                }
                int b1 = first & 0xff;
                int a1 = first >>> 8;
                int bits = b1;
                int advance = a1;
                if (a1 < 64 && b1 < FAST_BITS) {
                    int second = single[(i << b1) & mask];
                    if (second != 0 && (second & 0xff) <= FAST_BITS - b1) {
                        bits += second & 0xff;
                        advance += second >>> 8;
                    }
                }
                acFast[i] = b1 | (bits << 6) | (a1 << 12) | (advance << 19);
            }
        }
    }

    /**
     * Reads entropy-coded bits. The scan is first copied without its stuffed zero bytes and split at restart
     * markers, so that refills read whole words and a restart is a jump to the next segment.
     */
    private static final class Bits {
        private static final VarHandle BIG_ENDIAN_LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
        final byte[] data;
        final int length;
        final int[] segments;
        final int end;
        int segment;
        int pos;
        long buffer;
        int count;

        Bits(byte[] b, int start) {
            byte[] clean = new byte[b.length - start + 16];
            int[] starts = new int[16];
            int n = 0;
            int segmentCount = 1;
            int i = start;
            while (i < b.length) {
                int run = i;
                while (run < b.length && b[run] != (byte) 0xFF) {
                    run++;
                }
                System.arraycopy(b, i, clean, n, run - i);
                n += run - i;
                i = run;
                if (i + 1 >= b.length) {
                    break;
                }
                int next = b[i + 1] & 0xff;
                if (next == 0) {
                    clean[n++] = (byte) 0xFF;
                    i += 2;
                } else if (next >= 0xD0 && next <= 0xD7) {
                    if (segmentCount == starts.length) {
                        starts = java.util.Arrays.copyOf(starts, starts.length * 2);
                    }
                    starts[segmentCount++] = n;
                    i += 2;
                } else if (next == 0xFF) {
                    i++;
                } else {
                    break;
                }
            }
            this.data = clean;
            this.length = n;
            this.segments = java.util.Arrays.copyOf(starts, segmentCount);
            this.end = i;
        }

        /**
         * Tops the buffer up to at least 56 bits with one big-endian 8-byte load (F. Giesen, "Reading bits in far too
         * many ways", 2018, variant 4): bits already present are reloaded at the same positions, so OR is harmless.
         */
        void refill() {
            buffer |= (long) BIG_ENDIAN_LONG.get(data, pos) >>> count;
            pos = Math.min(pos + ((63 - count) >>> 3), length);
            count |= 56;
        }

        int read(int n) {
            if (count < n) {
                refill();
            }
            int v = (int) (buffer >>> (64 - n));
            buffer <<= n;
            count -= n;
            return v;
        }

        int decode(Huffman t) {
            if (count < 16) {
                refill();
            }
            int entry = t.lookup[(int) (buffer >>> 55)];
            if (entry != 0) {
                int len = (entry >> 8) & 0xff;
                buffer <<= len;
                count -= len;
                return entry & 0xff;
            }
            int code = read(1);
            int len = 1;
            while (code > t.maxCode[len]) {
                code = (code << 1) | read(1);
                len++;
                if (len > 16) {
                    throw new IllegalArgumentException("bad Huffman code");
                }
            }
            return t.values[t.valPtr[len] + code - t.minCode[len]];
        }

        int receiveExtend(int s) {
            if (s == 0) {
                return 0;
            }
            if (s > 16) {
                throw new IllegalArgumentException("bad coefficient size");
            }
            int v = read(s);
            return v < (1 << (s - 1)) ? v - (1 << s) + 1 : v;
        }

        /**
         * Skips the AC coefficients of one block (T.81 F.2.2.2), through the combined table where it can. The bit
         * buffer lives in locals here: this loop is where a baseline decode spends its time.
         */
        void skipAc(Huffman ac) {
            int[] fast = ac.acFast;
            byte[] d = data;
            long buf = buffer;
            int cnt = count;
            int p = pos;
            int k = 1;
            while (k < 64) {
                if (cnt < 32) {
                    buf |= (long) BIG_ENDIAN_LONG.get(d, p) >>> cnt;
                    p = Math.min(p + ((63 - cnt) >>> 3), length);
                    cnt |= 56;
                }
                int entry = fast[(int) (buf >>> (64 - Huffman.FAST_BITS))];
                if (entry == 0) {
                    buffer = buf;
                    count = cnt;
                    pos = p;
                    if (slowAc(ac)) {
                        return;
                    }
                    k += lastAdvance;
                    buf = buffer;
                    cnt = count;
                    p = pos;
                    continue;
                }
                int first = (entry >>> 12) & 0x7f;
                int bits;
                if (k + first < 64) {
                    bits = (entry >>> 6) & 0x3f;
                    k += entry >>> 19;
                } else {
                    bits = entry & 0x3f;
                    k += first;
                }
                buf <<= bits;
                cnt -= bits;
            }
            buffer = buf;
            count = cnt;
            pos = p;
        }

        private int lastAdvance;

        /** One AC coefficient the fast table does not cover; returns true at end of block. */
        private boolean slowAc(Huffman ac) {
            int rs = decode(ac);
            int r = rs >> 4;
            int size = rs & 15;
            if (size == 0) {
                lastAdvance = 16;
                return r != 15;
            }
            lastAdvance = r + 1;
            read(size);
            return false;
        }

        /** Continues with the next restart segment. */
        void restart() {
            segment++;
            pos = segment < segments.length ? segments[segment] : length;
            buffer = 0;
            count = 0;
        }
    }

    public static BufferedImage decode(byte[] b) {
        int[][] quant = new int[4][];
        Huffman[] dcTables = new Huffman[4];
        Huffman[] acTables = new Huffman[4];
        Component[] components = null;
        int width = 0;
        int height = 0;
        int hMax = 1;
        int vMax = 1;
        boolean progressive = false;
        int restartInterval = 0;
        boolean sawDc = false;
        int adobeTransform = -1;
        int pos = 2;
        while (pos + 4 <= b.length) {
            if ((b[pos] & 0xff) != 0xFF) {
                throw new IllegalArgumentException("expected a marker");
            }
            int marker = b[pos + 1] & 0xff;
            if (marker == 0xFF) {
                pos++;
                continue;
            }
            if (marker == 0xD9) {
                break;
            }
            int length = ((b[pos + 2] & 0xff) << 8) | (b[pos + 3] & 0xff);
            int p = pos + 4;
            int end = pos + 2 + length;
            if (length < 2 || end > b.length) {
                throw new IllegalArgumentException("segment overruns the file");
            }
            switch (marker) {
                case 0xC0, 0xC1, 0xC2 -> {
                    if ((b[p] & 0xff) != 8) {
                        return null;
                    }
                    progressive = marker == 0xC2;
                    height = ((b[p + 1] & 0xff) << 8) | (b[p + 2] & 0xff);
                    width = ((b[p + 3] & 0xff) << 8) | (b[p + 4] & 0xff);
                    int n = b[p + 5] & 0xff;
                    if ((n != 1 && n != 3) || width == 0 || height == 0 || p + 6 + 3 * n > end) {
                        return null;
                    }
                    components = new Component[n];
                    for (int i = 0; i < n; i++) {
                        Component c = new Component();
                        c.id = b[p + 6 + 3 * i] & 0xff;
                        c.h = Math.max(1, (b[p + 7 + 3 * i] & 0xff) >> 4);
                        c.v = Math.max(1, b[p + 7 + 3 * i] & 0x0f);
                        c.tq = b[p + 8 + 3 * i] & 0x03;
                        hMax = Math.max(hMax, c.h);
                        vMax = Math.max(vMax, c.v);
                        components[i] = c;
                    }
                    int mcusX = ceilDiv(width, 8 * hMax);
                    int mcusY = ceilDiv(height, 8 * vMax);
                    for (Component c : components) {
                        c.blocksPerLine = mcusX * c.h;
                        c.blocksPerColumn = mcusY * c.v;
                        c.dc = new int[c.blocksPerLine * c.blocksPerColumn];
                    }
                }
                case 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF -> {
                    return null;
                }
                case 0xEE -> {
                    if (length >= 14 && b[p] == 'A' && b[p + 1] == 'd' && b[p + 2] == 'o' && b[p + 3] == 'b' && b[p + 4] == 'e') {
                        adobeTransform = b[p + 11] & 0xff;
                    }
                }
                case 0xDB -> {
                    int q = p;
                    while (q < end) {
                        int pq = (b[q] & 0xff) >> 4;
                        int tq = b[q] & 0x03;
                        int[] t = new int[64];
                        for (int k = 0; k < 64; k++) {
                            t[k] = pq == 0 ? b[q + 1 + k] & 0xff : ((b[q + 1 + 2 * k] & 0xff) << 8) | (b[q + 2 + 2 * k] & 0xff);
                        }
                        quant[tq] = t;
                        q += 1 + (pq == 0 ? 64 : 128);
                    }
                }
                case 0xC4 -> {
                    int q = p;
                    while (q + 17 <= end) {
                        int tc = (b[q] & 0xff) >> 4;
                        int th = b[q] & 0x03;
                        int[] counts = new int[16];
                        int total = 0;
                        for (int i = 0; i < 16; i++) {
                            counts[i] = b[q + 1 + i] & 0xff;
                            total += counts[i];
                        }
                        if (q + 17 + total > end || total > 256) {
                            throw new IllegalArgumentException("bad Huffman table");
                        }
                        int[] values = new int[total];
                        for (int i = 0; i < total; i++) {
                            values[i] = b[q + 17 + i] & 0xff;
                        }
                        if (tc == 0) {
                            dcTables[th] = new Huffman(counts, values);
                        } else {
                            acTables[th] = new Huffman(counts, values);
                        }
                        q += 17 + total;
                    }
                }
                case 0xDD -> restartInterval = ((b[p] & 0xff) << 8) | (b[p + 1] & 0xff);
                case 0xDA -> {
                    if (components == null) {
                        throw new IllegalArgumentException("scan before frame header");
                    }
                    int ns = b[p] & 0xff;
                    Component[] scan = new Component[ns];
                    for (int i = 0; i < ns; i++) {
                        int id = b[p + 1 + 2 * i] & 0xff;
                        for (Component c : components) {
                            if (c.id == id) {
                                scan[i] = c;
                            }
                        }
                        if (scan[i] == null) {
                            throw new IllegalArgumentException("scan names an unknown component");
                        }
                        scan[i].td = (b[p + 2 + 2 * i] & 0xff) >> 4;
                        scan[i].ta = b[p + 2 + 2 * i] & 0x0f;
                        scan[i].pred = 0;
                        if (!progressive && acTables[scan[i].ta] == null) {
                            throw new IllegalArgumentException("missing AC table");
                        }
                    }
                    int ss = b[p + 1 + 2 * ns] & 0xff;
                    int ahAl = b[p + 3 + 2 * ns] & 0xff;
                    boolean dcFirst = ss == 0 && (ahAl >> 4) == 0;
                    if (progressive && !dcFirst) {
                        pos = skipEntropy(b, end);
                        continue;
                    }
                    Bits bits = new Bits(b, end);
                    decodeScan(bits, scan, dcTables, acTables, width, height, hMax, vMax, restartInterval, !progressive,
                            progressive ? ahAl & 0x0f : 0);
                    sawDc = true;
                    pos = bits.end;
                    continue;
                }
                default -> {
                }
            }
            pos = end;
        }
        if (!sawDc || components == null) {
            return null;
        }
        for (Component c : components) {
            if (quant[c.tq] == null) {
                throw new IllegalArgumentException("missing quantization table");
            }
        }
        boolean rgb = components.length == 3 && (adobeTransform == 0
                || adobeTransform < 0 && components[0].id == 'R' && components[1].id == 'G' && components[2].id == 'B');
        return toImage(components, quant, width, height, hMax, vMax, rgb);
    }

    private static void decodeScan(Bits bits, Component[] scan, Huffman[] dcTables, Huffman[] acTables,
                                   int width, int height, int hMax, int vMax, int restartInterval, boolean walkAc, int al) {
        for (Component c : scan) {
            if (dcTables[c.td] == null) {
                throw new IllegalArgumentException("missing DC table");
            }
        }
        int mcusX;
        int mcusY;
        boolean single = scan.length == 1;
        if (single) {
            Component c = scan[0];
            mcusX = ceilDiv(ceilDiv(width * c.h, hMax), 8);
            mcusY = ceilDiv(ceilDiv(height * c.v, vMax), 8);
        } else {
            mcusX = ceilDiv(width, 8 * hMax);
            mcusY = ceilDiv(height, 8 * vMax);
        }
        int total = mcusX * mcusY;
        for (int mcu = 0; mcu < total; mcu++) {
            if (restartInterval > 0 && mcu > 0 && mcu % restartInterval == 0) {
                bits.restart();
                for (Component c : scan) {
                    c.pred = 0;
                }
            }
            int mx = mcu % mcusX;
            int my = mcu / mcusX;
            for (Component c : scan) {
                int bh = single ? 1 : c.h;
                int bv = single ? 1 : c.v;
                for (int v = 0; v < bv; v++) {
                    for (int h = 0; h < bh; h++) {
                        int s = bits.decode(dcTables[c.td]);
                        c.pred += bits.receiveExtend(s);
                        int bx = mx * bh + h;
                        int by = my * bv + v;
                        if (bx < c.blocksPerLine && by < c.blocksPerColumn) {
                            c.dc[by * c.blocksPerLine + bx] = c.pred << al;
                        }
                        if (walkAc) {
                            bits.skipAc(acTables[c.ta]);
                        }
                    }
                }
            }
        }
    }

    private static int skipEntropy(byte[] b, int pos) {
        int i = pos;
        while (i + 1 < b.length) {
            if ((b[i] & 0xff) == 0xFF) {
                int next = b[i + 1] & 0xff;
                if (next != 0 && !(next >= 0xD0 && next <= 0xD7) && next != 0xFF) {
                    return i;
                }
            }
            i++;
        }
        return b.length;
    }

    /** {@code rgb}: the three components are R, G, B (Adobe transform 0), not YCbCr (libjpeg's colour-space rules). */
    private static BufferedImage toImage(Component[] components, int[][] quant, int width, int height, int hMax, int vMax,
                                         boolean rgb) {
        int w = ceilDiv(width, 8);
        int h = ceilDiv(height, 8);
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        int[] pixels = ((DataBufferInt) out.getRaster().getDataBuffer()).getData();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                float luma = level(components[0], quant, x * components[0].h / hMax, y * components[0].v / vMax);
                int r;
                int g;
                int bl;
                if (components.length == 1) {
                    r = g = bl = clamp(luma);
                } else if (rgb) {
                    r = clamp(luma);
                    g = clamp(level(components[1], quant, x * components[1].h / hMax, y * components[1].v / vMax));
                    bl = clamp(level(components[2], quant, x * components[2].h / hMax, y * components[2].v / vMax));
                } else {
                    float cb = level(components[1], quant, x * components[1].h / hMax, y * components[1].v / vMax) - 128;
                    float cr = level(components[2], quant, x * components[2].h / hMax, y * components[2].v / vMax) - 128;
                    r = clamp(luma + 1.402f * cr);
                    g = clamp(luma - 0.344136f * cb - 0.714136f * cr);
                    bl = clamp(luma + 1.772f * cb);
                }
                pixels[y * w + x] = (r << 16) | (g << 8) | bl;
            }
        }
        return out;
    }

    /** The block mean: the dequantised DC coefficient over 8, level-shifted by 128 (T.81 A.3.3). */
    private static float level(Component c, int[][] quant, int bx, int by) {
        int x = Math.min(bx, c.blocksPerLine - 1);
        int y = Math.min(by, c.blocksPerColumn - 1);
        return c.dc[y * c.blocksPerLine + x] * quant[c.tq][0] / 8f + 128;
    }

    private static int clamp(float v) {
        return Math.clamp(Math.round(v), 0, 255);
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }
}
