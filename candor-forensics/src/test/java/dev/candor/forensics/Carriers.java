package dev.candor.forensics;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * Builds metadata carriers into real JPEG/PNG files: no publicly available file carries a GB 45438 label, so the
 * tests write each carrier the way the standard and the tools seen in the wild do.
 */
public final class Carriers {

    private Carriers() {
    }

    public static String xmpPacket(String rdfDescriptionBody, String namespaces, String attributes) {
        return "<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>"
                + "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">"
                + "<rdf:Description rdf:about=\"\" " + namespaces + " " + attributes + ">" + rdfDescriptionBody
                + "</rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end=\"w\"?>";
    }

    /** Inserts an APPn segment right after SOI. */
    public static byte[] jpegWithSegment(byte[] jpeg, int marker, byte[] payload) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0xFF);
        out.write(0xD8);
        out.write(0xFF);
        out.write(marker);
        int length = payload.length + 2;
        out.write(length >> 8);
        out.write(length & 0xff);
        out.writeBytes(payload);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    public static byte[] jpegWithXmp(byte[] jpeg, String xmp) {
        return jpegWithSegment(jpeg, 0xE1, concat("http://ns.adobe.com/xap/1.0/\0".getBytes(StandardCharsets.ISO_8859_1),
                xmp.getBytes(StandardCharsets.UTF_8)));
    }

    public static byte[] jpegWithExif(byte[] jpeg, byte[] tiff) {
        return jpegWithSegment(jpeg, 0xE1, concat("Exif\0\0".getBytes(StandardCharsets.ISO_8859_1), tiff));
    }

    /** Inserts a chunk before IEND, with a correct CRC. */
    public static byte[] pngWithChunk(byte[] png, String type, byte[] data) {
        int iend = png.length - 12;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(png, 0, iend);
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        byte[] typeAndData = concat(type.getBytes(StandardCharsets.ISO_8859_1), data);
        out.writeBytes(typeAndData);
        CRC32 crc = new CRC32();
        crc.update(typeAndData);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
        out.write(png, iend, 12);
        return out.toByteArray();
    }

    public static byte[] pngText(String keyword, String text) {
        return concat((keyword + "\0").getBytes(StandardCharsets.ISO_8859_1), text.getBytes(StandardCharsets.ISO_8859_1));
    }

    public static byte[] pngInternationalText(String keyword, String text) {
        return concat((keyword + "\0\0\0\0\0").getBytes(StandardCharsets.ISO_8859_1), text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A big-endian TIFF block: IFD0 with Make, Model, Software, Artist, ImageDescription (those not {@code null})
     * and an EXIF IFD with DateTimeOriginal and UserComment (ASCII character code).
     */
    public static byte[] exif(String make, String model, String software, String artist, String description,
                              String dateTimeOriginal, String userComment) {
        Tiff t = new Tiff();
        t.ascii(0x010F, make);
        t.ascii(0x0110, model);
        t.ascii(0x0131, software);
        t.ascii(0x013B, artist);
        t.ascii(0x010E, description);
        Tiff sub = new Tiff();
        sub.ascii(0x9003, dateTimeOriginal);
        if (userComment != null) {
            sub.undefined(0x9286, concat("ASCII\0\0\0".getBytes(StandardCharsets.ISO_8859_1), userComment.getBytes(StandardCharsets.UTF_8)));
        }
        return t.build(sub);
    }

    /** A camera's EXIF with DateTimeOriginal and its OffsetTimeOriginal (EXIF 2.31), e.g. {@code +08:00}. */
    public static byte[] exifWithOffset(String make, String model, String dateTimeOriginal, String offsetTimeOriginal) {
        Tiff t = new Tiff();
        t.ascii(0x010F, make);
        t.ascii(0x0110, model);
        Tiff sub = new Tiff();
        sub.ascii(0x9003, dateTimeOriginal);
        sub.ascii(0x9011, offsetTimeOriginal);
        return t.build(sub);
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static final class Tiff {
        private record Entry(int tag, int type, byte[] value) {
        }

        private final java.util.List<Entry> entries = new java.util.ArrayList<>();

        void ascii(int tag, String value) {
            if (value != null) {
                entries.add(new Entry(tag, 2, (value + "\0").getBytes(StandardCharsets.UTF_8)));
            }
        }

        void undefined(int tag, byte[] value) {
            entries.add(new Entry(tag, 7, value));
        }

        /** Lays out IFD0, then the EXIF IFD, then all values. */
        byte[] build(Tiff sub) {
            int ifd0Entries = entries.size() + 1;
            int ifd0Size = 2 + 12 * ifd0Entries + 4;
            int subSize = 2 + 12 * sub.entries.size() + 4;
            int dataStart = 8 + ifd0Size + subSize;
            ByteBuffer data = ByteBuffer.allocate(65536);
            ByteBuffer b = ByteBuffer.allocate(65536);
            b.put(new byte[] {'M', 'M', 0, 42}).putInt(8);
            entries.sort(java.util.Comparator.comparingInt(Entry::tag));
            b.putShort((short) ifd0Entries);
            for (Entry e : entries) {
                writeEntry(b, data, dataStart, e);
            }
            b.putShort((short) 0x8769).putShort((short) 4).putInt(1).putInt(8 + ifd0Size);
            b.putInt(0);
            b.putShort((short) sub.entries.size());
            for (Entry e : sub.entries) {
                writeEntry(b, data, dataStart, e);
            }
            b.putInt(0);
            b.put(data.array(), 0, data.position());
            byte[] out = new byte[b.position()];
            System.arraycopy(b.array(), 0, out, 0, out.length);
            return out;
        }

        private static void writeEntry(ByteBuffer b, ByteBuffer data, int dataStart, Entry e) {
            b.putShort((short) e.tag()).putShort((short) e.type()).putInt(e.value().length);
            if (e.value().length <= 4) {
                byte[] inline = new byte[4];
                System.arraycopy(e.value(), 0, inline, 0, e.value().length);
                b.put(inline);
            } else {
                b.putInt(dataStart + data.position());
                data.put(e.value());
                if ((data.position() & 1) == 1) {
                    data.put((byte) 0);
                }
            }
        }
    }
}
