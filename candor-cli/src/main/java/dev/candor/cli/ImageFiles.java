package dev.candor.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/** Expands the command line's files and directories into image files, in a stable order. */
final class ImageFiles {

    /** Extensions picked up from directories; files named explicitly are always scanned. */
    static final Set<String> EXTENSIONS = Set.of("jpg", "jpeg", "png", "webp", "gif", "heic", "heif", "avif", "tif", "tiff", "bmp");

    private ImageFiles() {
    }

    static List<Path> expand(List<Path> inputs) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path input : inputs) {
            if (Files.isDirectory(input)) {
                try (Stream<Path> walk = Files.walk(input)) {
                    walk.filter(Files::isRegularFile).filter(ImageFiles::looksLikeImage).sorted().forEach(files::add);
                }
            } else if (Files.exists(input)) {
                files.add(input);
            } else {
                throw new NoSuchFileException(input.toString(), null, "no such file or directory");
            }
        }
        return files;
    }

    private static boolean looksLikeImage(Path p) {
        String name = p.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 && EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }
}
