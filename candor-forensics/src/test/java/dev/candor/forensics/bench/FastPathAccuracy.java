package dev.candor.forensics.bench;

import dev.candor.forensics.Fixtures;
import dev.candor.forensics.image.DcJpegDecoder;
import dev.candor.forensics.image.Hashing;
import dev.candor.forensics.pdq.PdqHash;
import dev.candor.forensics.pdq.PdqHasher;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;

/**
 * Prints, per fixture JPEG, the PDQ distance between the 1/8-scale DC path and ImageIO full decode + full-size PDQ
 * (the Java reference's path), as a Markdown table for docs/forensics-benchmarks.md.
 */
public final class FastPathAccuracy {

    private FastPathAccuracy() {
    }

    public static void main(String[] args) throws IOException {
        List<String> files = List.of("threatexchange-pdq/dih/bridge-1-original.jpg", "threatexchange-pdq/bridge-mods/blur-a-lot.jpg",
                "threatexchange-pdq/bridge-mods/sharpen-a-lot.jpg", "threatexchange-pdq/bridge-mods/shrink-a-little.jpg",
                "threatexchange-pdq/dih/bridge-2-rotate-90.jpg", "threatexchange-pdq/misc/wee.jpg", "c2pa-rs/P1000827.jpg",
                "c2pa-rs/earth_apollo17.jpg", "ai-provenance-samples/grok-1.jpg", "ai-provenance-samples/flux-1.jpg");
        System.out.println("| file | size | full-path quality | distance fast vs full |");
        System.out.println("|---|---|---|---|");
        for (String f : files) {
            row(f, Fixtures.bytes(f));
        }
        for (String f : files) {
            row(f + ", upscaled to 12 MP with noise", BenchmarkPhotos.upscaled(f, false));
        }
    }

    private static void row(String name, byte[] jpeg) throws IOException {
        BufferedImage full = ImageIO.read(new ByteArrayInputStream(jpeg));
        var reference = PdqHasher.hash(full);
        PdqHash fast = Hashing.pdq(DcJpegDecoder.decode(jpeg)).hash();
        System.out.printf("| %s | %dx%d | %d | %d |%n", name, full.getWidth(), full.getHeight(), reference.quality(),
                fast.distance(reference.hash()));
    }
}
