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
 * @param jumbf        the C2PA JUMBF store, reassembled, with where its bytes sit in the file
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
        Jumbf jumbf,
        List<String> appAigc,
        List<QuantTable> quantTables,
        List<String> warnings) {

    public record TextChunk(String keyword, String text) {
    }

    public record QuantTable(int id, int[] values) {
    }

    /**
     * A JUMBF store and the file byte ranges that hold it (the C2PA data hash excludes those ranges).
     *
     * @param bytes   the reassembled superbox
     * @param ranges  {@code [offset, length]} pairs of the file segments/chunks carrying it, headers included
     */
    public record Jumbf(byte[] bytes, List<long[]> ranges) {
    }
}
