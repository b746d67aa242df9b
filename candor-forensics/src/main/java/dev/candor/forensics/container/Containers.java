package dev.candor.forensics.container;

import dev.candor.forensics.image.ImageFormat;

/** Entry point of the container walkers: never throws on malformed input, records warnings instead. */
public final class Containers {

    private Containers() {
    }

    /** A container with nothing found in it, for a file whose walk failed. */
    public static Container empty(ImageFormat format, String problem) {
        ContainerBuilder c = new ContainerBuilder(format);
        c.warnings.add(problem);
        return c.build();
    }

    public static Container read(byte[] file) {
        ImageFormat format = ImageFormat.sniff(file);
        return switch (format) {
            case JPEG -> JpegWalker.walk(file);
            case PNG -> PngWalker.walk(file);
            case WEBP -> RiffWalker.walk(file);
            default -> new ContainerBuilder(format).build();
        };
    }
}
