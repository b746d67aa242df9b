package dev.candor.forensics.trace;

import dev.candor.forensics.origin.ExifFacts;
import dev.candor.forensics.origin.Xmp;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * When the photo was taken: EXIF DateTimeOriginal (with OffsetTimeOriginal when present), else the XMP copies of
 * it ({@code exif:DateTimeOriginal}, {@code photoshop:DateCreated}, ISO 8601). Not {@code xmp:CreateDate}, which
 * editors set when they create the file.
 *
 * @param zone   {@code null} when the file does not say
 * @param source which field it came from
 */
record CaptureTime(LocalDateTime local, ZoneOffset zone, String source) {

    static final String XMP_EXIF = "http://ns.adobe.com/exif/1.0/";
    static final String PHOTOSHOP = "http://ns.adobe.com/photoshop/1.0/";

    static CaptureTime of(ExifFacts exif, Xmp xmp) {
        if (exif.captured() != null) {
            return new CaptureTime(exif.captured(), exif.capturedZone(), "EXIF DateTimeOriginal");
        }
        for (String[] field : new String[][] {{XMP_EXIF, "DateTimeOriginal"}, {PHOTOSHOP, "DateCreated"}}) {
            CaptureTime t = xmp.first(field[0], field[1]).map(v -> parse(v, "XMP " + field[1])).orElse(null);
            if (t != null) {
                return t;
            }
        }
        return null;
    }

    /** ISO 8601 date-time with or without offset; a bare date is too coarse to compare with a delivery. */
    static CaptureTime parse(String value, String source) {
        String v = value.strip();
        try {
            OffsetDateTime withZone = OffsetDateTime.parse(v);
            return new CaptureTime(withZone.toLocalDateTime(), withZone.getOffset(), source);
        } catch (DateTimeParseException notOffset) {
            try {
                return new CaptureTime(LocalDateTime.parse(v), null, source);
            } catch (DateTimeParseException notLocal) {
                return null;
            }
        }
    }
}
