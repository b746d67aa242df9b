package dev.candor.forensics.trace;

import dev.candor.forensics.Finding;
import dev.candor.forensics.ForensicReport;
import dev.candor.forensics.Strength;
import dev.candor.forensics.container.Container;
import dev.candor.forensics.container.Containers;
import dev.candor.forensics.image.Decoded;
import dev.candor.forensics.image.ImageFormat;
import dev.candor.forensics.image.SafeDecoder;
import dev.candor.forensics.listing.ImageDiff;
import dev.candor.forensics.origin.ExifFacts;
import dev.candor.forensics.origin.Xmp;

import java.awt.image.BufferedImage;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Timeline and re-save traces: capture time against delivery, the EXIF thumbnail against the image, camera
 * metadata, JPEG quantization tables. Never stronger than MODERATE: each has innocent explanations.
 */
public final class TraceChecks {

    /** Without an EXIF offset the capture time is local to an unknown zone: UTC-12 to UTC+14. */
    static final Duration ZONE_UNCERTAINTY = Duration.ofHours(14);

    private TraceChecks() {
    }

    /**
     * @param working     the decoded image reduced for comparison, {@code null} when not decoded
     * @param width       full width of the image
     * @param height      full height of the image
     * @param deliveredAt delivery time, {@code null} when unknown
     */
    public static List<Finding> inspect(Container container, ExifFacts exif, Xmp xmp, BufferedImage working, int width, int height,
                                        Instant deliveredAt, SafeDecoder decoder) {
        List<Finding> findings = new ArrayList<>();
        captureTime(CaptureTime.of(exif, xmp), deliveredAt, findings);
        if (working != null && exif.thumbnail() != null) {
            thumbnail(exif.thumbnail(), working, width, height, decoder, findings);
        }
        if (container.format() == ImageFormat.JPEG) {
            cameraAndTables(container, exif, findings);
        }
        return findings;
    }

    private static void captureTime(CaptureTime capture, Instant deliveredAt, List<Finding> findings) {
        if (capture == null || deliveredAt == null) {
            return;
        }
        Map<String, String> data = new LinkedHashMap<>();
        data.put("captured", capture.local() + (capture.zone() == null ? " (local time, zone unknown)" : capture.zone().getId()));
        data.put("source", capture.source());
        data.put("deliveredAt", deliveredAt.toString());
        if (capture.zone() != null) {
            Instant captured = capture.local().toInstant(capture.zone());
            if (captured.isBefore(deliveredAt)) {
                findings.add(new Finding("timeline.capturedBeforeDelivery", Strength.MODERATE,
                        "The camera recorded the photo at " + captured + ", before the order was delivered at " + deliveredAt
                                + " (by " + human(Duration.between(captured, deliveredAt)) + ").", data));
            }
            return;
        }
        Instant latest = capture.local().toInstant(ZoneOffset.UTC).plus(Duration.ofHours(12));
        Instant earliest = capture.local().toInstant(ZoneOffset.UTC).minus(ZONE_UNCERTAINTY);
        if (latest.isBefore(deliveredAt)) {
            findings.add(new Finding("timeline.capturedBeforeDelivery", Strength.MODERATE,
                    "The camera recorded the photo at " + capture.local() + " local time, before the order was delivered at "
                            + deliveredAt + " in any time zone.", data));
        } else if (earliest.isBefore(deliveredAt)) {
            findings.add(new Finding("timeline.capturedNearDelivery", Strength.HINT,
                    "The camera time " + capture.local() + " may be before the delivery at " + deliveredAt
                            + " depending on the time zone, which the file does not record.", data));
        }
    }

    private static String human(Duration d) {
        return d.toDays() > 1 ? d.toDays() + " days" : d.toHours() > 1 ? d.toHours() + " hours" : d.toMinutes() + " minutes";
    }

    private static void thumbnail(byte[] thumbnail, BufferedImage working, int width, int height, SafeDecoder decoder,
                                  List<Finding> findings) {
        Container header = Containers.read(thumbnail);
        if (!(decoder.decode(thumbnail, header, 1) instanceof Decoded.Image(BufferedImage thumb, int _))) {
            return;
        }
        BufferedImage trimmed = Borders.trim(thumb);
        double thumbAspect = (double) trimmed.getHeight() / trimmed.getWidth();
        double imageAspect = (double) height / width;
        if (Math.abs(thumbAspect - imageAspect) > 0.06 && Math.abs(thumbAspect - 1 / imageAspect) > 0.06) {
            findings.add(new Finding("exif.thumbnailMismatch", Strength.MODERATE,
                    "The EXIF thumbnail has another shape than the image (%.2f against %.2f): the image was cropped or replaced after capture."
                            .formatted(1 / thumbAspect, 1 / imageAspect),
                    Map.of("thumbnailSize", thumb.getWidth() + "x" + thumb.getHeight())));
            return;
        }
        if (Math.abs(thumbAspect - imageAspect) > 0.06) {
            return;
        }
        List<ForensicReport.Region> regions = ImageDiff.regions(working, width, height, trimmed);
        if (!regions.isEmpty()) {
            findings.add(new Finding("exif.thumbnailMismatch", Strength.MODERATE,
                    "The EXIF thumbnail, written when the photo was taken, differs from the image in " + regions.size()
                            + " region(s): the image was edited after capture.",
                    Map.of("regions", regions.stream().map(r -> "%d,%d-%d,%d".formatted(r.x0(), r.y0(), r.x1(), r.y1()))
                            .collect(Collectors.joining(" ")))));
        }
    }

    private static void cameraAndTables(Container container, ExifFacts exif, List<Finding> findings) {
        JpegQuality quality = JpegQuality.estimate(container.quantTables());
        boolean camera = exif.make() != null || exif.model() != null;
        if (!camera) {
            findings.add(new Finding("exif.noCamera", Strength.HINT,
                    "The photo names no camera (no EXIF make or model): it was re-saved, screenshotted or stripped of metadata.",
                    Map.of()));
        }
        if (quality != null && quality.standard()) {
            Map<String, String> data = new LinkedHashMap<>();
            data.put("quality", Integer.toString(quality.quality()));
            if (camera) {
                data.put("camera", (exif.make() == null ? "" : exif.make() + " ") + (exif.model() == null ? "" : exif.model()));
            }
            findings.add(new Finding("jpeg.standardTables", Strength.HINT,
                    "The JPEG was last encoded with the standard libjpeg tables at quality " + quality.quality()
                            + ", as image software writes them" + (camera ? " (the EXIF still names a camera)." : "."), data));
        }
    }
}
