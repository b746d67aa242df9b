package dev.candor.forensics.container;

import dev.candor.forensics.image.ImageFormat;

import java.util.List;

/**
 * What the container walk found before any pixel is decoded: header dimensions and the metadata blocks.
 *
 * @param width        header width in pixels, 0 when no header was found
 * @param height       header height in pixels, 0 when no header was found
 * @param progressive  JPEG only: a progressive (SOF2) frame
 * @param scans        JPEG only: number of SOS markers seen
 * @param xmp          XMP packets as text (JPEG APP1, PNG iTXt {@code XML:com.adobe.xmp}, WebP {@code XMP })
 * @param exif         TIFF-structured EXIF blocks (without the {@code Exif\0\0} prefix)
 * @param texts        PNG text chunks
 * @param jumbf        the C2PA JUMBF store (JPEG APP11 segments reassembled, PNG caBX, WebP C2PA), or {@code null}
 * @param appAigc      payloads of JPEG APP segments that start with {@code AIGC}
 * @param quantTables  JPEG quantization tables in zig-zag order, by table id
 * @param warnings     structural problems found (truncation, bad lengths)
 */
public record Container(
        ImageFormat format,
        int width,
        int height,
        boolean progressive,
        int scans,
        List<String> xmp,
        List<byte[]> exif,
        List<TextChunk> texts,
        byte[] jumbf,
        List<String> appAigc,
        List<QuantTable> quantTables,
        List<String> warnings) {

    public record TextChunk(String keyword, String text) {
    }

    public record QuantTable(int id, int[] values) {
    }
}
