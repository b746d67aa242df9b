package dev.candor.evidence.model;

import static dev.candor.evidence.EvidenceFixtures.ascii;
import static dev.candor.evidence.EvidenceFixtures.concat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.evidence.EvidenceFixtures;
import dev.candor.evidence.model.Rejection.Reason;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class EvidenceCheckTest {

    private static final long MB = 1024 * 1024;
    private final EvidenceCheck check = new EvidenceCheck(new EvidenceLimits(25 * MB, 100 * MB, 10 * MB, 50_000_000));

    private Inspection.Accepted accepted(byte[] bytes, String declared) {
        Inspection inspection = check.inspect(bytes, declared);
        assertThat(inspection).isInstanceOf(Inspection.Accepted.class);
        return (Inspection.Accepted) inspection;
    }

    private Rejection rejected(byte[] bytes, String declared) {
        Inspection inspection = check.inspect(bytes, declared);
        assertThat(inspection).isInstanceOf(Rejection.class);
        return (Rejection) inspection;
    }

    @Test
    void photosAreRecognizedByTheirBytesWithTheirHeaderDimensions() {
        assertThat(accepted(EvidenceFixtures.jpeg(320, 200), "image/jpeg")).isEqualTo(
                new Inspection.Accepted(FileType.JPEG, new ImageSize(320, 200)));
        assertThat(accepted(EvidenceFixtures.png(64, 48), null)).isEqualTo(
                new Inspection.Accepted(FileType.PNG, new ImageSize(64, 48)));
        assertThat(accepted(EvidenceFixtures.WEBP_LOSSLESS, "image/webp")).isEqualTo(
                new Inspection.Accepted(FileType.WEBP, new ImageSize(1, 1)));
        assertThat(accepted(EvidenceFixtures.WEBP_LOSSY, "application/octet-stream")).isEqualTo(
                new Inspection.Accepted(FileType.WEBP, new ImageSize(1, 1)));
        assertThat(accepted(EvidenceFixtures.jpegWithGps(40, 30, 6), "image/jpeg").size()).isEqualTo(new ImageSize(40, 30));
    }

    @Test
    void aDeclaredTypeThatContradictsTheBytesIsAMismatchWhateverTheName() {
        Rejection pngAsJpeg = rejected(EvidenceFixtures.png(10, 10), "image/jpeg");
        assertThat(pngAsJpeg.reason()).isEqualTo(Reason.TYPE_MISMATCH);
        assertThat(pngAsJpeg.facts()).containsEntry("declaredType", "image/jpeg").containsEntry("detectedType", "image/png");
        assertThat(rejected("{\"a\": 1}".getBytes(StandardCharsets.UTF_8), "image/png").reason()).isEqualTo(Reason.TYPE_MISMATCH);
        assertThat(rejected("not json".getBytes(StandardCharsets.UTF_8), "application/json").reason()).isEqualTo(Reason.TYPE_MISMATCH);
        assertThat(accepted(EvidenceFixtures.png(10, 10), "image/png; charset=binary").type()).isEqualTo(FileType.PNG);
    }

    @Test
    void pixelBombsAreRefusedFromTheHeaderAlone() {
        Rejection png = rejected(EvidenceFixtures.pngClaiming(100_000, 100_000), "image/png");
        assertThat(png.reason()).isEqualTo(Reason.TOO_MANY_PIXELS);
        assertThat(png.facts()).containsEntry("width", 100_000).containsEntry("height", 100_000);

        byte[] jpeg = EvidenceFixtures.jpeg(16, 16);
        int sof = indexOfStartOfFrame(jpeg);
        jpeg[sof + 5] = (byte) 0xFF;
        jpeg[sof + 6] = (byte) 0xFF;
        jpeg[sof + 7] = (byte) 0xFF;
        jpeg[sof + 8] = (byte) 0xFF;
        assertThat(rejected(jpeg, "image/jpeg").reason()).isEqualTo(Reason.TOO_MANY_PIXELS);

        byte[] webp = concat(ascii("RIFF"), new byte[4], ascii("WEBPVP8X"), new byte[] {10, 0, 0, 0, 0, 0, 0, 0},
                new byte[] {(byte) 0xFF, 0x3F, 0, (byte) 0xFF, 0x3F, 0});
        assertThat(rejected(webp, null).reason()).isEqualTo(Reason.TOO_MANY_PIXELS);

        assertThat(accepted(EvidenceFixtures.pngClaiming(5000, 10_000), null).size().pixels()).isEqualTo(50_000_000);
    }

    @Test
    void refusedTypesSayWhatToUploadInstead() {
        Rejection heic = rejected(EvidenceFixtures.heic(), "image/heic");
        assertThat(heic.reason()).isEqualTo(Reason.HEIC_NOT_ALLOWED);
        assertThat(heic.detail()).contains("JPEG");
        byte[] avif = concat(EvidenceFixtures.box("ftyp", ascii("avif"), new byte[4], ascii("mif1")));
        assertThat(rejected(avif, null).detail()).contains("AVIF");
        assertThat(rejected(ascii("GIF89a\1\0\1\0"), "image/gif").reason()).isEqualTo(Reason.TYPE_NOT_ALLOWED);
        assertThat(rejected(new byte[] {'P', 'K', 3, 4, 0, 0, (byte) 0x90, 0}, null).reason()).isEqualTo(Reason.TYPE_NOT_ALLOWED);
        assertThat(rejected(new byte[] {(byte) 0xFF, (byte) 0xFE, 'h', 0}, "text/plain").detail()).contains("UTF-8");
        byte[] animated = concat(ascii("RIFF"), new byte[4], ascii("WEBPVP8X"), new byte[] {10, 0, 0, 0, 2, 0, 0, 0},
                new byte[] {9, 0, 0, 9, 0, 0});
        assertThat(rejected(animated, null).detail()).contains("animated");
        assertThat(rejected(new byte[0], null).reason()).isEqualTo(Reason.UNREADABLE);
    }

    @Test
    void eachKindHasItsOwnSizeLimit() {
        EvidenceCheck small = new EvidenceCheck(new EvidenceLimits(2000, 300, 100, 50_000_000));
        byte[] photo = EvidenceFixtures.png(200, 200);
        assertThat(photo.length).isGreaterThan(300);
        assertThat(small.inspect(Arrays.copyOf(photo, photo.length), null)).isInstanceOf(Inspection.Accepted.class);
        Inspection tooLarge = new EvidenceCheck(new EvidenceLimits(photo.length - 1, 1000, 100, 50_000_000)).inspect(photo, null);
        assertThat(tooLarge).isInstanceOfSatisfying(Rejection.class, r -> {
            assertThat(r.reason()).isEqualTo(Reason.TOO_LARGE);
            assertThat(r.facts()).containsEntry("kind", "PHOTO").containsEntry("limitBytes", (long) photo.length - 1);
        });
        byte[] text = "聊天记录 ".repeat(20).getBytes(StandardCharsets.UTF_8);
        assertThat(small.inspect(text, "text/plain")).isInstanceOfSatisfying(Rejection.class,
                r -> assertThat(r.reason()).isEqualTo(Reason.TOO_LARGE));
        assertThat(small.inspect(EvidenceFixtures.movie("isom"), null)).isInstanceOfSatisfying(Rejection.class,
                r -> assertThat(r.facts()).containsEntry("kind", "VIDEO"));
    }

    @Test
    void chatExportsArePdfUtf8TextOrJson() {
        byte[] pdf = ascii("%PDF-1.7\n1 0 obj\n<< >>\nendobj\ntrailer\n<< >>\n%%EOF\n");
        assertThat(accepted(pdf, "application/pdf").type()).isEqualTo(FileType.PDF);
        assertThat(rejected(Arrays.copyOf(pdf, pdf.length - 7), "application/pdf").reason()).isEqualTo(Reason.UNREADABLE);

        byte[] chat = "[2026-05-30 10:15] 买家: 衣服缝线开了\n[2026-05-30 10:20] 卖家: 请拍照\n".getBytes(StandardCharsets.UTF_8);
        assertThat(accepted(chat, "text/plain; charset=utf-8").type()).isEqualTo(FileType.TEXT);
        assertThat(accepted(concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, chat), null).type()).isEqualTo(FileType.TEXT);
        byte[] json = "[{\"from\": \"buyer\", \"text\": \"缝线开了\"}]".getBytes(StandardCharsets.UTF_8);
        assertThat(accepted(json, "application/json").type()).isEqualTo(FileType.JSON);
        assertThat(accepted("{\"a\": 1} trailing".getBytes(StandardCharsets.UTF_8), null).type()).isEqualTo(FileType.TEXT);

        assertThat(rejected(new byte[] {'a', (byte) 0xC3, 0x28, 'b'}, "text/plain").reason()).isEqualTo(Reason.TYPE_NOT_ALLOWED);
        assertThat(rejected(new byte[] {'a', 0, 'b'}, "text/plain").reason()).isEqualTo(Reason.TYPE_NOT_ALLOWED);
    }

    @Test
    void moviesAreMp4OrQuickTimeWithAWholeBoxStructure() {
        assertThat(accepted(EvidenceFixtures.movie("isom"), "video/mp4").type()).isEqualTo(FileType.MP4);
        assertThat(accepted(EvidenceFixtures.movie("qt  "), "video/quicktime").type()).isEqualTo(FileType.MOV);
        byte[] movie = EvidenceFixtures.movie("mp42");
        assertThat(rejected(Arrays.copyOf(movie, movie.length - 3), "video/mp4").reason()).isEqualTo(Reason.UNREADABLE);
        byte[] noMoov = concat(EvidenceFixtures.box("ftyp", ascii("isom"), new byte[4]), EvidenceFixtures.box("mdat", new byte[8]));
        assertThat(rejected(noMoov, null).detail()).contains("moov");
        assertThat(rejected(EvidenceFixtures.movie("3gp4"), "video/3gpp").reason()).isEqualTo(Reason.TYPE_NOT_ALLOWED);
        assertThat(rejected(EvidenceFixtures.movie("isom"), "image/jpeg").reason()).isEqualTo(Reason.TYPE_MISMATCH);
    }

    private static int indexOfStartOfFrame(byte[] jpeg) {
        for (int i = 2; i + 1 < jpeg.length; i++) {
            if ((jpeg[i] & 0xFF) == 0xFF && (jpeg[i + 1] & 0xFF) == 0xC0) {
                return i;
            }
        }
        throw new AssertionError("no SOF0 marker");
    }

    @Test
    void dimensionsAreReadFromEachHeaderFormat() {
        ByteBuffer vp8x = ByteBuffer.allocate(30).put(ascii("RIFF")).putInt(0).put(ascii("WEBPVP8X")).putInt(10).putInt(0)
                .put(new byte[] {(byte) 0x7F, 0x07, 0, 0x37, 0x04, 0});
        assertThat(ImageSize.read(FileType.WEBP, vp8x.array())).contains(new ImageSize(1920, 1080));
        assertThat(ImageSize.read(FileType.JPEG, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xDA, 0, 2})).isEmpty();
        assertThat(ImageSize.read(FileType.PNG, EvidenceFixtures.pngClaiming(0, 10))).isEmpty();
    }
}
