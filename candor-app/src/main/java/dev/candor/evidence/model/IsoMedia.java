package dev.candor.evidence.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * ISO base media files (MP4, and QuickTime MOV, its ancestor): box structure checks and a copy without
 * metadata (ISO/IEC 14496-12, Apple's QuickTime File Format).
 *
 * <p>The copy keeps every byte offset: metadata boxes are turned into {@code free} boxes of the same size
 * with zeroed content instead of being cut out, because sample tables ({@code stco}/{@code co64}) point at
 * absolute file offsets that removing bytes before {@code mdat} would break.
 */
public final class IsoMedia {

    /** Boxes that are walked into: they hold other boxes only. */
    private static final Set<String> CONTAINERS = Set.of("moov", "trak", "mdia", "minf", "dinf", "stbl", "edts", "mvex",
            "moof", "traf", "mfra");
    /**
     * Boxes blanked in the copy: user data ({@code ©xyz} GPS, {@code loci}, maker notes), metadata item
     * lists (Apple's {@code com.apple.quicktime.location.ISO6709}), XMP packets ({@code uuid}, {@code XMP_}).
     */
    private static final Set<String> METADATA = Set.of("udta", "meta", "uuid", "XMP_", "loci");
    /** Full boxes whose creation and modification times are zeroed in the copy. */
    private static final Set<String> TIMED = Set.of("mvhd", "tkhd", "mdhd");

    private IsoMedia() {
    }

    /** One box: where it starts, its total size and the size of its header. */
    record Box(String type, int start, int size, int headerSize) {
        int end() {
            return start + size;
        }

        int payload() {
            return start + headerSize;
        }
    }

    /** The file's major brand, when it starts with an {@code ftyp} box. */
    static Optional<String> majorBrand(byte[] b) {
        return b.length >= 12 && Bytes.ascii(b, 4, "ftyp") ? Optional.of(Bytes.fourCc(b, 8)) : Optional.empty();
    }

    /** The major and compatible brands of the {@code ftyp} box (empty when there is none). */
    static List<String> brands(byte[] b) {
        if (majorBrand(b).isEmpty()) {
            return List.of();
        }
        long size = Math.min(Bytes.u32be(b, 0), b.length);
        List<String> brands = new ArrayList<>();
        brands.add(Bytes.fourCc(b, 8));
        for (int i = 16; i + 4 <= size; i += 4) {
            brands.add(Bytes.fourCc(b, i));
        }
        return brands;
    }

    /**
     * Why the file is not a well-formed movie, or empty when it is: the top-level boxes must cover the
     * file exactly (a truncated upload does not), start with {@code ftyp} and include a {@code moov}, and
     * every container inside {@code moov} must hold well-formed boxes.
     */
    public static Optional<String> problem(byte[] b) {
        List<Box> top = boxes(b, 0, b.length, true);
        if (top == null) {
            return Optional.of("the box structure is broken or the file is truncated");
        }
        if (top.isEmpty() || !top.getFirst().type().equals("ftyp")) {
            return Optional.of("the file does not start with an ftyp box");
        }
        List<Box> movies = top.stream().filter(box -> box.type().equals("moov")).toList();
        if (movies.size() != 1) {
            return Optional.of("the file has " + movies.size() + " moov boxes instead of one");
        }
        return wellFormed(b, movies.getFirst()) ? Optional.empty() : Optional.of("the moov box is malformed");
    }

    /**
     * A copy of a well-formed movie ({@link #problem} empty) without metadata: same length, same media data,
     * with user data, metadata and XMP boxes blanked into {@code free} boxes and creation times zeroed.
     */
    public static byte[] withoutMetadata(byte[] original) {
        byte[] copy = original.clone();
        List<Box> top = boxes(copy, 0, copy.length, true);
        if (top == null) {
            throw new IllegalArgumentException("not a well-formed ISO base media file");
        }
        scrub(copy, top);
        return copy;
    }

    private static void scrub(byte[] b, List<Box> boxes) {
        for (Box box : boxes) {
            if (METADATA.contains(box.type())) {
                blank(b, box);
            } else if (TIMED.contains(box.type())) {
                zeroTimes(b, box);
            } else if (CONTAINERS.contains(box.type())) {
                List<Box> children = boxes(b, box.payload(), box.end(), false);
                if (children != null) {
                    scrub(b, children);
                }
            }
        }
    }

    private static void blank(byte[] b, Box box) {
        int typeAt = box.start() + 4;
        b[typeAt] = 'f';
        b[typeAt + 1] = 'r';
        b[typeAt + 2] = 'e';
        b[typeAt + 3] = 'e';
        Arrays.fill(b, box.payload(), box.end(), (byte) 0);
    }

    private static void zeroTimes(byte[] b, Box box) {
        int version = box.size() > box.headerSize() ? b[box.payload()] & 0xFF : -1;
        int timesLength = version == 1 ? 16 : 8;
        int from = box.payload() + 4;
        if (version >= 0 && from + timesLength <= box.end()) {
            Arrays.fill(b, from, from + timesLength, (byte) 0);
        }
    }

    private static boolean wellFormed(byte[] b, Box container) {
        List<Box> children = boxes(b, container.payload(), container.end(), false);
        if (children == null) {
            return false;
        }
        return children.stream().filter(child -> CONTAINERS.contains(child.type())).allMatch(child -> wellFormed(b, child));
    }

    /** The boxes that exactly fill {@code [from, to)}, or {@code null} when they do not. */
    private static List<Box> boxes(byte[] b, int from, int to, boolean topLevel) {
        List<Box> boxes = new ArrayList<>();
        int i = from;
        while (i < to) {
            if (to - i < 8) {
                return null;
            }
            long size = Bytes.u32be(b, i);
            int header = 8;
            if (size == 1) {
                if (to - i < 16) {
                    return null;
                }
                size = Bytes.u64be(b, i + 8);
                header = 16;
            } else if (size == 0) {
                if (!topLevel) {
                    return null;
                }
                size = to - i;
            }
            if (size < header || size > to - i) {
                return null;
            }
            boxes.add(new Box(Bytes.fourCc(b, i + 4), i, (int) size, header));
            i += (int) size;
        }
        return boxes;
    }
}
