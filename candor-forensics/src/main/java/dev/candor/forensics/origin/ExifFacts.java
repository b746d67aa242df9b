package dev.candor.forensics.origin;

import com.drew.lang.ByteArrayReader;
import com.drew.metadata.Directory;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifDirectoryBase;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.ExifReader;
import com.drew.metadata.exif.ExifSubIFDDirectory;
import com.drew.metadata.exif.ExifThumbnailDirectory;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;

/**
 * The EXIF tags the checks use, read with metadata-extractor from the TIFF blocks the container walk found.
 *
 * @param captured     DateTimeOriginal, {@code null} when absent or unparsable
 * @param capturedZone OffsetTimeOriginal, {@code null} when absent
 * @param thumbnail    the IFD1 JPEG thumbnail bytes, {@code null} when absent
 */
public record ExifFacts(String make, String model, String software, String artist, String imageDescription,
                        String userComment, LocalDateTime captured, ZoneOffset capturedZone, byte[] thumbnail) {

    static final ExifFacts NONE = new ExifFacts(null, null, null, null, null, null, null, null, null);
    private static final DateTimeFormatter EXIF_TIME = DateTimeFormatter.ofPattern("yyyy:MM:dd HH:mm:ss");

    public static ExifFacts read(List<byte[]> blocks, List<String> problems) {
        if (blocks.isEmpty()) {
            return NONE;
        }
        byte[] tiff = blocks.getFirst();
        Metadata metadata = new Metadata();
        try {
            new ExifReader().extract(new ByteArrayReader(tiff), metadata);
        } catch (RuntimeException e) {
            problems.add("unreadable EXIF: " + e.getMessage());
            return NONE;
        }
        ExifIFD0Directory ifd0 = metadata.getFirstDirectoryOfType(ExifIFD0Directory.class);
        ExifSubIFDDirectory sub = metadata.getFirstDirectoryOfType(ExifSubIFDDirectory.class);
        ExifThumbnailDirectory thumb = metadata.getFirstDirectoryOfType(ExifThumbnailDirectory.class);
        return new ExifFacts(
                string(ifd0, ExifDirectoryBase.TAG_MAKE),
                string(ifd0, ExifDirectoryBase.TAG_MODEL),
                string(ifd0, ExifDirectoryBase.TAG_SOFTWARE),
                string(ifd0, ExifDirectoryBase.TAG_ARTIST),
                string(ifd0, ExifDirectoryBase.TAG_IMAGE_DESCRIPTION),
                userComment(sub),
                time(string(sub, ExifDirectoryBase.TAG_DATETIME_ORIGINAL)),
                zone(string(sub, ExifDirectoryBase.TAG_TIME_ZONE_ORIGINAL)),
                thumbnail(thumb, tiff));
    }

    private static String string(Directory d, int tag) {
        if (d == null || !d.containsTag(tag)) {
            return null;
        }
        String s = d.getString(tag);
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** EXIF 2.32 4.6.5: an 8-byte character code (ASCII, UNICODE, JIS or undefined) precedes the comment. */
    private static String userComment(Directory d) {
        if (d == null || !d.containsTag(ExifDirectoryBase.TAG_USER_COMMENT)) {
            return null;
        }
        byte[] raw = d.getByteArray(ExifDirectoryBase.TAG_USER_COMMENT);
        if (raw == null) {
            return null;
        }
        String text;
        if (raw.length >= 8 && new String(raw, 0, 8, StandardCharsets.ISO_8859_1).startsWith("UNICODE")) {
            byte[] body = Arrays.copyOfRange(raw, 8, raw.length);
            boolean littleEndian = body.length >= 2 && body[0] != 0 && body[1] == 0;
            text = new String(body, littleEndian ? StandardCharsets.UTF_16LE : StandardCharsets.UTF_16BE);
        } else if (raw.length >= 8) {
            text = new String(raw, 8, raw.length - 8, StandardCharsets.UTF_8);
        } else {
            text = new String(raw, StandardCharsets.UTF_8);
        }
        text = text.replace("\0", "").strip();
        return text.isEmpty() ? null : text;
    }

    private static LocalDateTime time(String s) {
        if (s == null) {
            return null;
        }
        try {
            return LocalDateTime.parse(s.length() > 19 ? s.substring(0, 19) : s, EXIF_TIME);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static ZoneOffset zone(String s) {
        if (s == null) {
            return null;
        }
        try {
            return ZoneOffset.of(s.strip());
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    private static byte[] thumbnail(ExifThumbnailDirectory d, byte[] tiff) {
        if (d == null) {
            return null;
        }
        Integer offset = d.getAdjustedThumbnailOffset();
        Integer length = d.getInteger(ExifThumbnailDirectory.TAG_THUMBNAIL_LENGTH);
        if (offset == null || length == null || offset < 0 || length <= 0 || (long) offset + length > tiff.length) {
            return null;
        }
        return Arrays.copyOfRange(tiff, offset, offset + length);
    }
}
