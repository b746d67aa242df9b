package dev.candor.forensics.container;

import dev.candor.forensics.image.ImageFormat;

import java.util.ArrayList;
import java.util.List;

final class ContainerBuilder {
    final ImageFormat format;
    int width;
    int height;
    boolean progressive;
    int scans;
    final List<String> xmp = new ArrayList<>();
    final List<byte[]> exif = new ArrayList<>();
    final List<Container.TextChunk> texts = new ArrayList<>();
    byte[] jumbf;
    final List<String> appAigc = new ArrayList<>();
    final List<Container.QuantTable> quantTables = new ArrayList<>();
    final List<String> warnings = new ArrayList<>();

    ContainerBuilder(ImageFormat format) {
        this.format = format;
    }

    Container build() {
        return new Container(format, width, height, progressive, scans, List.copyOf(xmp), List.copyOf(exif),
                List.copyOf(texts), jumbf, List.copyOf(appAigc), List.copyOf(quantTables), List.copyOf(warnings));
    }
}
