package dev.candor.evidence;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.apache.commons.imaging.formats.jpeg.exif.ExifRewriter;
import org.apache.commons.imaging.formats.tiff.constants.ExifTagConstants;
import org.apache.commons.imaging.formats.tiff.constants.TiffTagConstants;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputSet;

/** Evidence files made in the test: photos drawn with java.awt, EXIF written with Commons Imaging, movies box by box. */
public final class EvidenceFixtures {

    /** Shenzhen, where the test photos claim to have been taken. */
    public static final double LATITUDE = 22.5431;
    public static final double LONGITUDE = 114.0579;
    /** The location string a phone writes into a movie's user data ({@code ©xyz}, ISO 6709). */
    public static final String MOVIE_LOCATION = "+22.5431+114.0579/";
    public static final String MEDIA_PAYLOAD = "MEDIA-SAMPLES-0123456789";

    /** A 1 x 1 lossless WebP (VP8L). */
    public static final byte[] WEBP_LOSSLESS = Base64.getDecoder().decode("UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==");
    /** A 1 x 1 lossy WebP (VP8). */
    public static final byte[] WEBP_LOSSY = Base64.getDecoder().decode("UklGRiIAAABXRUJQVlA4IBYAAAAwAQCdASoBAAEADsD+JaQAA3AAAAAA");

    private EvidenceFixtures() {
    }

    /**
     * A photo of a torn seam: a coloured canvas with a dark diagonal, so a re-encoding keeps something to
     * see. The colour is random, so every photo has new bytes: the test database and blob store are shared
     * by all tests and kept between runs.
     */
    public static BufferedImage picture(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(ThreadLocalRandom.current().nextInt(0x1000000)));
        g.fillRect(0, 0, width, height);
        g.setColor(Color.DARK_GRAY);
        g.drawLine(0, 0, width - 1, height - 1);
        g.dispose();
        return image;
    }

    public static byte[] jpeg(int width, int height) {
        return encode(picture(width, height), "jpeg");
    }

    public static byte[] png(int width, int height) {
        return encode(picture(width, height), "png");
    }

    /** A JPEG with EXIF: GPS position, orientation and the time it was taken. */
    public static byte[] jpegWithGps(int width, int height, int orientation) {
        try {
            TiffOutputSet exif = new TiffOutputSet();
            exif.setGpsInDegrees(LONGITUDE, LATITUDE);
            exif.getOrCreateRootDirectory().add(TiffTagConstants.TIFF_TAG_ORIENTATION, (short) orientation);
            exif.getOrCreateExifDirectory().add(ExifTagConstants.EXIF_TAG_DATE_TIME_ORIGINAL, "2026:05:30 10:15:00");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            new ExifRewriter().updateExifMetadataLossless(jpeg(width, height), out, exif);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A PNG with a text chunk naming the author and place, inserted after IHDR. */
    public static byte[] pngWithText(int width, int height) {
        byte[] png = png(width, height);
        byte[] text = chunk("tEXt", "Location\0Shenzhen, Futian, Zhang Wei's flat".getBytes(StandardCharsets.ISO_8859_1));
        int afterIhdr = 8 + 25;
        return ByteBuffer.allocate(png.length + text.length)
                .put(png, 0, afterIhdr).put(text).put(png, afterIhdr, png.length - afterIhdr).array();
    }

    /** A decompression bomb: a valid PNG signature and IHDR claiming width x height, and no pixel data to speak of. */
    public static byte[] pngClaiming(int width, int height) {
        ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8).put((byte) 2)
                .put((byte) 0).put((byte) 0).put((byte) 0);
        byte[] header = chunk("IHDR", ihdr.array());
        byte[] idat = chunk("IDAT", new byte[] {0x78, (byte) 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01});
        byte[] end = chunk("IEND", new byte[0]);
        return ByteBuffer.allocate(8 + header.length + idat.length + end.length)
                .put(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}).put(header).put(idat).put(end).array();
    }

    private static byte[] chunk(String type, byte[] data) {
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        return ByteBuffer.allocate(12 + data.length).putInt(data.length).put(typeBytes).put(data).putInt((int) crc.getValue()).array();
    }

    /**
     * A movie as a phone writes it, reduced to its structure: ftyp, moov (mvhd with a creation time, a track
     * whose chunk offset points at the samples in mdat, user data with the GPS position, an Apple metadata
     * item with the position again), then mdat.
     */
    public static byte[] movie(String majorBrand) {
        byte[] ftyp = box("ftyp", ascii(majorBrand), new byte[] {0, 0, 2, 0}, ascii(majorBrand), ascii("mp41"));
        byte[] mvhd = box("mvhd", ByteBuffer.allocate(100).putInt(0).putInt(0x12345678).putInt(0x12345679).putInt(600)
                .putInt(600).array());
        byte[] udta = box("udta", box("©xyz", ByteBuffer.allocate(4).putShort((short) MOVIE_LOCATION.length()).putShort((short) 0)
                .array(), ascii(MOVIE_LOCATION)));
        byte[] meta = box("meta", box("keys", ascii("com.apple.quicktime.location.ISO6709")),
                box("ilst", ascii(MOVIE_LOCATION)));
        int stcoSize = 8 + 4 + 4 + 4;
        int trakSize = 8 + 8 + 8 + 8 + stcoSize;
        int moovSize = 8 + mvhd.length + trakSize + udta.length + meta.length;
        int samplesAt = ftyp.length + moovSize + 8;
        byte[] stco = box("stco", ByteBuffer.allocate(12).putInt(0).putInt(1).putInt(samplesAt).array());
        byte[] trak = box("trak", box("mdia", box("minf", box("stbl", stco))));
        byte[] moov = box("moov", mvhd, trak, udta, meta);
        byte[] mdat = box("mdat", ascii(MEDIA_PAYLOAD));
        return concat(ftyp, moov, mdat);
    }

    /** An HEIC photo's leading box. */
    public static byte[] heic() {
        return concat(box("ftyp", ascii("heic"), new byte[4], ascii("mif1"), ascii("heic")), box("meta", new byte[16]));
    }

    public static byte[] box(String type, byte[]... content) {
        byte[] payload = concat(content);
        return ByteBuffer.allocate(8 + payload.length).putInt(8 + payload.length)
                .put(type.getBytes(StandardCharsets.ISO_8859_1)).put(payload).array();
    }

    public static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    public static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    /** Whether {@code haystack} contains {@code needle} anywhere. */
    public static boolean contains(byte[] haystack, String needle) {
        return new String(haystack, StandardCharsets.ISO_8859_1).contains(needle);
    }

    private static byte[] encode(BufferedImage image, String format) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, format, out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
