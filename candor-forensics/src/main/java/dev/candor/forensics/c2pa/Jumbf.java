package dev.candor.forensics.c2pa;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * JUMBF (ISO/IEC 19566-5) boxes: a superbox ({@code jumb}) starts with a description box ({@code jumd}: type
 * UUID, toggles, optional label, id and signature) followed by content boxes or nested superboxes.
 */
public final class Jumbf {

    /** Nesting deeper than this is refused: C2PA stores are four levels deep. */
    static final int MAX_DEPTH = 16;

    /** A content box: its four-character type and payload. */
    public record Content(String type, byte[] data) {
    }

    /**
     * A superbox.
     *
     * @param raw the superbox's payload after its LBox/TBox header (what C2PA hashed URIs hash)
     */
    public record Superbox(String typeUuid, String label, List<Superbox> boxes, List<Content> contents, byte[] raw) {

        public Superbox child(String childLabel) {
            for (Superbox b : boxes) {
                if (childLabel.equals(b.label())) {
                    return b;
                }
            }
            return null;
        }

        public Content content(String type) {
            for (Content c : contents) {
                if (c.type().equals(type)) {
                    return c;
                }
            }
            return null;
        }

        /** The short name C2PA gives the type UUID: its first four bytes as text ({@code c2pa}, {@code c2ma}...). */
        public String typeName() {
            byte[] b = HexFormat.of().parseHex(typeUuid.substring(0, 8));
            return new String(b, StandardCharsets.ISO_8859_1);
        }
    }

    private Jumbf() {
    }

    /** Parses one top-level superbox. */
    public static Superbox parse(byte[] data) throws C2paException {
        Reader r = new Reader(data, 0, data.length);
        Box box = r.next();
        if (box == null || !box.type().equals("jumb")) {
            throw new C2paException("claim.malformed", "the C2PA store does not start with a JUMBF superbox");
        }
        return superbox(data, box, 0);
    }

    private record Box(String type, int start, int end) {
    }

    private static Superbox superbox(byte[] data, Box box, int depth) throws C2paException {
        if (depth > MAX_DEPTH) {
            throw new C2paException("claim.malformed", "JUMBF nesting deeper than " + MAX_DEPTH);
        }
        Reader r = new Reader(data, box.start(), box.end());
        Box description = r.next();
        if (description == null || !description.type().equals("jumd") || description.end() - description.start() < 17) {
            throw new C2paException("claim.malformed", "JUMBF superbox without a description box");
        }
        int p = description.start();
        String uuid = HexFormat.of().formatHex(data, p, p + 16);
        int toggles = data[p + 16] & 0xff;
        String label = null;
        if ((toggles & 0x02) != 0) {
            int q = p + 17;
            while (q < description.end() && data[q] != 0) {
                q++;
            }
            label = new String(data, p + 17, q - p - 17, StandardCharsets.UTF_8);
        }
        List<Superbox> boxes = new ArrayList<>();
        List<Content> contents = new ArrayList<>();
        Box child;
        while ((child = r.next()) != null) {
            if (child.type().equals("jumb")) {
                boxes.add(superbox(data, child, depth + 1));
            } else {
                byte[] payload = new byte[child.end() - child.start()];
                System.arraycopy(data, child.start(), payload, 0, payload.length);
                contents.add(new Content(child.type(), payload));
            }
        }
        byte[] raw = new byte[box.end() - box.start()];
        System.arraycopy(data, box.start(), raw, 0, raw.length);
        return new Superbox(uuid, label, List.copyOf(boxes), List.copyOf(contents), raw);
    }

    /** Reads consecutive boxes between two offsets. */
    private static final class Reader {
        private final byte[] data;
        private final int end;
        private int pos;

        Reader(byte[] data, int start, int end) {
            this.data = data;
            this.pos = start;
            this.end = end;
        }

        Box next() throws C2paException {
            if (pos + 8 > end) {
                return null;
            }
            long length = u32(pos);
            String type = new String(data, pos + 4, 4, StandardCharsets.ISO_8859_1);
            int header = 8;
            if (length == 1) {
                if (pos + 16 > end) {
                    throw new C2paException("claim.malformed", "truncated JUMBF box header");
                }
                length = (u32(pos + 8) << 32) | u32(pos + 12);
                header = 16;
            } else if (length == 0) {
                length = end - pos;
            }
            if (length < header || length > end - pos) {
                throw new C2paException("claim.malformed", "JUMBF box " + type + " overruns its parent");
            }
            Box box = new Box(type, pos + header, (int) (pos + length));
            pos = (int) (pos + length);
            return box;
        }

        private long u32(int p) {
            return ((long) (data[p] & 0xff) << 24) | ((data[p + 1] & 0xff) << 16) | ((data[p + 2] & 0xff) << 8) | (data[p + 3] & 0xff);
        }
    }
}
