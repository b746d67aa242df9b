package dev.candor.forensics.container;

import dev.candor.forensics.image.ImageFormat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/** Walks PNG chunks (PNG 3rd edition), decoding text chunks with a bounded inflater. */
final class PngWalker {

    /** No legitimate text chunk inflates beyond this; larger means a decompression bomb. */
    static final int MAX_INFLATED_TEXT = 4 * 1024 * 1024;

    private PngWalker() {
    }

    static Container walk(byte[] b) {
        ContainerBuilder c = new ContainerBuilder(ImageFormat.PNG);
        int pos = 8;
        boolean sawEnd = false;
        while (pos + 8 <= b.length) {
            long length = JpegWalker.readU32(b, pos);
            String type = new String(b, pos + 4, 4, StandardCharsets.ISO_8859_1);
            int data = pos + 8;
            if (length > b.length - data - 4L) {
                c.warnings.add("chunk " + type + " at offset " + pos + " overruns the file");
                break;
            }
            int len = (int) length;
            switch (type) {
                case "IHDR" -> {
                    if (len >= 8) {
                        c.width = (int) Math.min(Integer.MAX_VALUE, JpegWalker.readU32(b, data));
                        c.height = (int) Math.min(Integer.MAX_VALUE, JpegWalker.readU32(b, data + 4));
                    }
                }
                case "tEXt" -> readText(b, data, len, c);
                case "zTXt" -> readCompressedText(b, data, len, c);
                case "iTXt" -> readInternationalText(b, data, len, c);
                case "eXIf" -> c.exif.add(JpegWalker.slice(b, data, len));
                case "caBX" -> {
                    if (c.jumbf == null) {
                        c.jumbf = JpegWalker.slice(b, data, len);
                    }
                }
                case "IEND" -> sawEnd = true;
                default -> {
                }
            }
            pos = data + len + 4;
            if (sawEnd) {
                break;
            }
        }
        if (!sawEnd) {
            c.warnings.add("no IEND chunk: the file is truncated");
        }
        return c.build();
    }

    private static int nul(byte[] b, int from, int end) {
        for (int i = from; i < end; i++) {
            if (b[i] == 0) {
                return i;
            }
        }
        return -1;
    }

    private static void readText(byte[] b, int data, int len, ContainerBuilder c) {
        int end = data + len;
        int z = nul(b, data, end);
        if (z < 0) {
            c.warnings.add("tEXt chunk without a keyword separator");
            return;
        }
        addText(c, new String(b, data, z - data, StandardCharsets.ISO_8859_1),
                new String(b, z + 1, end - z - 1, StandardCharsets.ISO_8859_1));
    }

    private static void readCompressedText(byte[] b, int data, int len, ContainerBuilder c) {
        int end = data + len;
        int z = nul(b, data, end);
        if (z < 0 || z + 2 > end) {
            c.warnings.add("malformed zTXt chunk");
            return;
        }
        byte[] text = inflate(b, z + 2, end - z - 2, c);
        if (text != null) {
            addText(c, new String(b, data, z - data, StandardCharsets.ISO_8859_1), new String(text, StandardCharsets.ISO_8859_1));
        }
    }

    private static void readInternationalText(byte[] b, int data, int len, ContainerBuilder c) {
        int end = data + len;
        int z = nul(b, data, end);
        if (z < 0 || z + 3 > end) {
            c.warnings.add("malformed iTXt chunk");
            return;
        }
        boolean compressed = b[z + 1] != 0;
        int languageEnd = nul(b, z + 3, end);
        int translatedEnd = languageEnd < 0 ? -1 : nul(b, languageEnd + 1, end);
        if (translatedEnd < 0) {
            c.warnings.add("malformed iTXt chunk");
            return;
        }
        int textStart = translatedEnd + 1;
        byte[] text = compressed ? inflate(b, textStart, end - textStart, c) : JpegWalker.slice(b, textStart, end - textStart);
        if (text == null) {
            return;
        }
        addText(c, new String(b, data, z - data, StandardCharsets.ISO_8859_1), new String(text, StandardCharsets.UTF_8));
    }

    /** XMP belongs in iTXt, but some writers (Exiv2 among them) put it in tEXt under the same keyword. */
    private static void addText(ContainerBuilder c, String keyword, String text) {
        if (keyword.equals("XML:com.adobe.xmp")) {
            c.xmp.add(text);
        } else {
            c.texts.add(new Container.TextChunk(keyword, text));
        }
    }

    private static byte[] inflate(byte[] b, int offset, int length, ContainerBuilder c) {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(b, offset, length);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    c.warnings.add("truncated compressed text chunk");
                    return null;
                }
                out.write(buffer, 0, n);
                if (out.size() > MAX_INFLATED_TEXT) {
                    c.warnings.add("compressed text chunk inflates beyond " + MAX_INFLATED_TEXT + " bytes: ignored");
                    return null;
                }
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            c.warnings.add("corrupt compressed text chunk");
            return null;
        } finally {
            inflater.end();
        }
    }
}
