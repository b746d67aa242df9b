package dev.candor.forensics.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.candor.forensics.ForensicReport;
import dev.candor.forensics.Forensics;
import dev.candor.forensics.ScanConfig;
import dev.candor.forensics.ScanContext;
import dev.candor.forensics.Scanner;
import dev.candor.forensics.c2pa.C2paException;
import dev.candor.forensics.c2pa.Jumbf;
import dev.candor.forensics.c2pa.ManifestStore;
import dev.candor.forensics.container.Container;
import dev.candor.forensics.container.Containers;
import dev.candor.forensics.image.DecodeLimits;
import dev.candor.forensics.image.Decoded;
import dev.candor.forensics.image.SafeDecoder;
import dev.candor.forensics.origin.ExifFacts;
import dev.candor.forensics.origin.Xmp;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzz targets for every parser written here. {@code ./mvnw test} runs each on its regression corpus in
 * {@code src/test/resources/dev/candor/forensics/fuzz/ParsersFuzzTestInputs/<target>/}; to fuzz, run with
 * {@code JAZZER_FUZZ=1} (see the module README). A target fails on any exception other than the documented
 * "this is not a valid store" {@link C2paException}.
 */
class ParsersFuzzTest {

    private static final SafeDecoder DECODER = new SafeDecoder(new DecodeLimits(4_000_000L, 4_000_000L, 100, Duration.ofSeconds(1)));
    private static final Scanner SCANNER = Forensics.scanner(ScanConfig.defaults()
            .withLimits(4_000_000L, 4_000_000L, 100, Duration.ofSeconds(1)));

    @FuzzTest(maxDuration = "30s")
    void containers(byte[] data) {
        Container c = Containers.read(data);
        assertThat(c.width()).isGreaterThanOrEqualTo(0);
    }

    @FuzzTest(maxDuration = "30s")
    void jpegSegments(byte[] data) {
        byte[] jpeg = new byte[data.length + 2];
        jpeg[0] = (byte) 0xFF;
        jpeg[1] = (byte) 0xD8;
        System.arraycopy(data, 0, jpeg, 2, data.length);
        Containers.read(jpeg);
    }

    @FuzzTest(maxDuration = "30s")
    void pngChunks(byte[] data) {
        byte[] png = new byte[data.length + 8];
        System.arraycopy(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'}, 0, png, 0, 8);
        System.arraycopy(data, 0, png, 8, data.length);
        Containers.read(png);
    }

    @FuzzTest(maxDuration = "30s")
    void riffChunks(byte[] data) {
        byte[] webp = new byte[data.length + 12];
        System.arraycopy("RIFF\0\0\0\0WEBP".getBytes(StandardCharsets.ISO_8859_1), 0, webp, 0, 12);
        System.arraycopy(data, 0, webp, 12, data.length);
        int size = data.length + 4;
        webp[4] = (byte) size;
        webp[5] = (byte) (size >> 8);
        webp[6] = (byte) (size >> 16);
        webp[7] = (byte) (size >> 24);
        Containers.read(webp);
    }

    @FuzzTest(maxDuration = "30s")
    void jumbf(byte[] data) {
        try {
            Jumbf.parse(data);
        } catch (C2paException expected) {
            assertThat(expected.code()).isNotBlank();
        }
    }

    @FuzzTest(maxDuration = "30s")
    void c2paStore(byte[] data) {
        try {
            ManifestStore store = ManifestStore.read(data);
            assertThat(store.manifests()).isNotEmpty();
        } catch (C2paException expected) {
            assertThat(expected.code()).isNotBlank();
        }
    }

    @FuzzTest(maxDuration = "30s")
    void xmp(byte[] data) {
        List<String> problems = new ArrayList<>();
        Xmp.parse(List.of(new String(data, StandardCharsets.UTF_8)), problems);
    }

    @FuzzTest(maxDuration = "30s")
    void exif(byte[] data) {
        ExifFacts.read(List.of(data), new ArrayList<>());
    }

    @FuzzTest(maxDuration = "30s")
    void reducedJpeg(byte[] data) {
        byte[] jpeg = new byte[data.length + 2];
        jpeg[0] = (byte) 0xFF;
        jpeg[1] = (byte) 0xD8;
        System.arraycopy(data, 0, jpeg, 2, data.length);
        Decoded decoded = DECODER.decodeReduced(jpeg, Containers.read(jpeg));
        assertThat(decoded).isNotNull();
    }

    @FuzzTest(maxDuration = "60s")
    void wholeScan(byte[] data) {
        ForensicReport report = SCANNER.scan("fuzz", data, ScanContext.none());
        assertThat(report.verdict()).isNotNull();
    }
}
