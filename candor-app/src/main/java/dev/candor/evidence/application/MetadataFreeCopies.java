package dev.candor.evidence.application;

import dev.candor.evidence.model.ExifOrientation;
import dev.candor.evidence.model.FileType;
import dev.candor.evidence.model.IsoMedia;
import dev.candor.shared.error.CandorException;
import dev.candor.shared.error.ErrorCode;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Map;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Makes the copy of an evidence file that merchants are served: photos decoded and re-encoded from their
 * pixels alone, so EXIF (with GPS), XMP, IPTC, ICC and text chunks are gone (a JPEG is first turned
 * upright by its EXIF orientation, which the copy cannot carry); videos with their metadata boxes blanked
 * ({@link IsoMedia#withoutMetadata}); chat exports unchanged. Decoding a photo is also the proof that it
 * is readable.
 */
public final class MetadataFreeCopies {

    private static final float JPEG_QUALITY = 0.92f;

    static {
        // Plugins on the class path (TwelveMonkeys WebP) are found even when the context class loader
        // that first touched ImageIO was not the application's.
        ImageIO.scanForPlugins();
    }

    private final long maxPixels;

    /** @param maxPixels checked again against the decoder's own view of the header before decoding */
    public MetadataFreeCopies(long maxPixels) {
        this.maxPixels = maxPixels;
    }

    /** The copy's bytes, of type {@link FileType#copyType()}. */
    public byte[] copyOf(FileType type, byte[] original) {
        return switch (type.kind()) {
            case PHOTO -> reencode(type, decode(type, original), original);
            case VIDEO -> IsoMedia.withoutMetadata(original);
            case CHAT_EXPORT -> original;
        };
    }

    private BufferedImage decode(FileType type, byte[] bytes) {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByMIMEType(type.mediaType());
        if (!readers.hasNext()) {
            throw new IllegalStateException("no ImageIO reader for " + type.mediaType());
        }
        ImageReader reader = readers.next();
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
            reader.setInput(in, true, true);
            if ((long) reader.getWidth(0) * reader.getHeight(0) > maxPixels) {
                throw new CandorException(ErrorCode.EVIDENCE_TOO_MANY_PIXELS, "the photo has more than " + maxPixels + " pixels",
                        Map.of("maxPixels", maxPixels));
            }
            return reader.read(0);
        } catch (CandorException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new CandorException(ErrorCode.EVIDENCE_UNREADABLE,
                    "the " + type.mediaType() + " photo cannot be decoded: " + e.getClass().getSimpleName(), Map.of());
        } finally {
            reader.dispose();
        }
    }

    private static byte[] reencode(FileType type, BufferedImage image, byte[] original) {
        try {
            return switch (type.copyType()) {
                case PNG -> png(image);
                case JPEG -> jpeg(upright(rgb(image), type == FileType.JPEG ? ExifOrientation.of(original) : ExifOrientation.NORMAL));
                default -> throw new IllegalStateException("photos are copied as JPEG or PNG");
            };
        } catch (IOException e) {
            throw new IllegalStateException("encoding into memory failed", e);
        }
    }

    private static byte[] png(BufferedImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (!ImageIO.write(image, "png", out)) {
            throw new IllegalStateException("no PNG writer");
        }
        return out.toByteArray();
    }

    private static byte[] jpeg(BufferedImage image) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(JPEG_QUALITY);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    /** JPEG has no alpha: transparent pixels become white. */
    private static BufferedImage rgb(BufferedImage image) {
        if (image.getType() == BufferedImage.TYPE_INT_RGB || image.getType() == BufferedImage.TYPE_3BYTE_BGR) {
            return image;
        }
        BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = rgb.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            g.drawImage(image, 0, 0, null);
        } finally {
            g.dispose();
        }
        return rgb;
    }

    /** Applies an EXIF orientation (TIFF 6.0 / EXIF 2.32 tag 0x0112: 2-4 mirror or turn, 5-8 also swap axes). */
    static BufferedImage upright(BufferedImage image, int orientation) {
        if (orientation == ExifOrientation.NORMAL) {
            return image;
        }
        int w = image.getWidth();
        int h = image.getHeight();
        AffineTransform transform = switch (orientation) {
            case 2 -> new AffineTransform(-1, 0, 0, 1, w, 0);
            case 3 -> new AffineTransform(-1, 0, 0, -1, w, h);
            case 4 -> new AffineTransform(1, 0, 0, -1, 0, h);
            case 5 -> new AffineTransform(0, 1, 1, 0, 0, 0);
            case 6 -> new AffineTransform(0, 1, -1, 0, h, 0);
            case 7 -> new AffineTransform(0, -1, -1, 0, h, w);
            case 8 -> new AffineTransform(0, -1, 1, 0, 0, w);
            default -> throw new IllegalArgumentException("EXIF orientation is 1 to 8");
        };
        boolean swapped = orientation >= 5;
        BufferedImage turned = new BufferedImage(swapped ? h : w, swapped ? w : h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = turned.createGraphics();
        try {
            g.drawImage(image, transform, null);
        } finally {
            g.dispose();
        }
        return turned;
    }
}
