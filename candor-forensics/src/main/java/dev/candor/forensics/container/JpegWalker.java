package dev.candor.forensics.container;

import dev.candor.forensics.image.ImageFormat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Walks JPEG marker segments (ITU T.81 Annex B), counting scans through the entropy-coded data. */
final class JpegWalker {

    private static final byte[] EXIF = "Exif\0\0".getBytes(StandardCharsets.ISO_8859_1);
    private static final byte[] XMP = "http://ns.adobe.com/xap/1.0/\0".getBytes(StandardCharsets.ISO_8859_1);
    private static final byte[] AIGC = "AIGC".getBytes(StandardCharsets.ISO_8859_1);

    private JpegWalker() {
    }

    private record App11(int instance, long sequence, int offset, int length) {
    }

    static Container walk(byte[] b) {
        ContainerBuilder c = new ContainerBuilder(ImageFormat.JPEG);
        List<App11> app11 = new ArrayList<>();
        int pos = 2;
        while (pos < b.length) {
            if ((b[pos] & 0xff) != 0xFF) {
                c.warnings.add("expected a marker at offset " + pos);
                break;
            }
            if (pos + 1 >= b.length) {
                c.warnings.add("truncated marker at offset " + pos);
                break;
            }
            int marker = b[pos + 1] & 0xff;
            if (marker == 0xFF) {
                pos++;
                continue;
            }
            if (marker == 0xD9) {
                return finish(c, app11, b);
            }
            if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
                pos += 2;
                continue;
            }
            if (pos + 4 > b.length) {
                c.warnings.add("truncated segment at offset " + pos);
                break;
            }
            int length = ((b[pos + 2] & 0xff) << 8) | (b[pos + 3] & 0xff);
            int payload = pos + 4;
            int end = pos + 2 + length;
            if (length < 2 || end > b.length) {
                c.warnings.add("segment 0x%02X at offset %d overruns the file".formatted(marker, pos));
                break;
            }
            int payloadLength = length - 2;
            if (isSof(marker) && payloadLength >= 5) {
                c.height = ((b[payload + 1] & 0xff) << 8) | (b[payload + 2] & 0xff);
                c.width = ((b[payload + 3] & 0xff) << 8) | (b[payload + 4] & 0xff);
                c.progressive = marker == 0xC2 || marker == 0xC6 || marker == 0xCA || marker == 0xCE;
            } else if (marker == 0xDB) {
                readQuantTables(b, payload, payloadLength, c);
            } else if (marker == 0xE1 && startsWith(b, payload, payloadLength, EXIF)) {
                c.exif.add(slice(b, payload + EXIF.length, payloadLength - EXIF.length));
            } else if (marker == 0xE1 && startsWith(b, payload, payloadLength, XMP)) {
                c.xmp.add(new String(b, payload + XMP.length, payloadLength - XMP.length, StandardCharsets.UTF_8));
            } else if (marker == 0xEB && payloadLength >= 16 && b[payload] == 'J' && b[payload + 1] == 'P') {
                int instance = ((b[payload + 2] & 0xff) << 8) | (b[payload + 3] & 0xff);
                long sequence = readU32(b, payload + 4);
                app11.add(new App11(instance, sequence, payload + 8, payloadLength - 8));
            }
            if (marker >= 0xE0 && marker <= 0xEF && startsWith(b, payload, payloadLength, AIGC)) {
                c.appAigc.add(new String(b, payload + AIGC.length, payloadLength - AIGC.length, StandardCharsets.UTF_8));
            }
            pos = end;
            if (marker == 0xDA) {
                c.scans++;
                pos = skipEntropyCodedData(b, pos);
            }
        }
        if (pos >= b.length) {
            c.warnings.add("no end-of-image marker: the file is truncated");
        }
        return finish(c, app11, b);
    }

    private static Container finish(ContainerBuilder c, List<App11> app11, byte[] b) {
        if (!app11.isEmpty()) {
            c.jumbf = reassemble(app11, b, c);
        }
        return c.build();
    }

    /**
     * C2PA (Annex A.3.3): a JUMBF superbox is split over APP11 segments sharing an instance number (En) and
     * ordered by a sequence number (Z); each continuation segment repeats the superbox's LBox/TBox header.
     */
    private static byte[] reassemble(List<App11> segments, byte[] b, ContainerBuilder c) {
        int instance = segments.getFirst().instance();
        List<App11> ours = segments.stream().filter(s -> s.instance() == instance)
                .sorted(Comparator.comparingLong(App11::sequence)).toList();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < ours.size(); i++) {
            App11 s = ours.get(i);
            int skip = 0;
            if (i > 0) {
                long lbox = readU32(b, s.offset());
                skip = lbox == 1 ? 16 : 8;
            }
            if (skip > s.length()) {
                c.warnings.add("APP11 continuation segment shorter than its box header");
                continue;
            }
            out.write(b, s.offset() + skip, s.length() - skip);
        }
        return out.toByteArray();
    }

    private static int skipEntropyCodedData(byte[] b, int pos) {
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

    private static void readQuantTables(byte[] b, int offset, int length, ContainerBuilder c) {
        int p = offset;
        int end = offset + length;
        while (p < end) {
            int pq = (b[p] & 0xff) >> 4;
            int tq = b[p] & 0x0f;
            int size = pq == 0 ? 64 : 128;
            if (p + 1 + size > end) {
                c.warnings.add("truncated quantization table");
                return;
            }
            int[] values = new int[64];
            for (int k = 0; k < 64; k++) {
                values[k] = pq == 0 ? b[p + 1 + k] & 0xff : ((b[p + 1 + 2 * k] & 0xff) << 8) | (b[p + 2 + 2 * k] & 0xff);
            }
            c.quantTables.add(new Container.QuantTable(tq, values));
            p += 1 + size;
        }
    }

    private static boolean isSof(int marker) {
        return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
    }

    static boolean startsWith(byte[] b, int offset, int length, byte[] prefix) {
        if (length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (b[offset + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    static long readU32(byte[] b, int p) {
        return ((long) (b[p] & 0xff) << 24) | ((b[p + 1] & 0xff) << 16) | ((b[p + 2] & 0xff) << 8) | (b[p + 3] & 0xff);
    }

    static byte[] slice(byte[] b, int offset, int length) {
        byte[] out = new byte[length];
        System.arraycopy(b, offset, out, 0, length);
        return out;
    }
}
