package dev.candor.forensics.image;

import dev.candor.forensics.Fixtures;
import dev.candor.forensics.TestImages;
import dev.candor.forensics.container.Containers;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class SafeDecoderTest {

    private final SafeDecoder decoder = new SafeDecoder(DecodeLimits.DEFAULT);

    private Decoded decode(byte[] file) {
        return decoder.decode(file, Containers.read(file), 1);
    }

    @Test
    void decodesJpegPngAndWebp() {
        assertThat(decode(Fixtures.bytes("threatexchange-pdq/misc/wee.jpg"))).isInstanceOf(Decoded.Image.class);
        assertThat(decode(TestImages.encode(TestImages.gradient(40, 30), "png"))).isInstanceOfSatisfying(Decoded.Image.class,
                i -> assertThat(i.image().getWidth()).isEqualTo(40));
        assertThat(decode(Fixtures.bytes("c2pa-rs/sample1.webp"))).isInstanceOfSatisfying(Decoded.Image.class,
                i -> assertThat(i.image().getWidth()).isEqualTo(1050));
    }

    @Test
    void refusesAPixelBombFromItsHeaderBeforeDecoding() {
        byte[] png = TestImages.encode(TestImages.gradient(8, 8), "png");
        writeU32(png, 16, 100_000);
        writeU32(png, 20, 100_000);

        Decoded result = decode(png);

        assertThat(result).isInstanceOfSatisfying(Decoded.Refused.class, r -> {
            assertThat(r.reason()).isEqualTo(Decoded.Reason.TOO_LARGE);
            assertThat(r.message()).contains("100000x100000");
        });
    }

    @Test
    void refusesAJpegWhoseFrameHeaderDeclaresTooManyPixels() {
        byte[] jpeg = TestImages.jpeg(TestImages.gradient(16, 16), 0.9f);
        int sof = indexOf(jpeg, new byte[] {(byte) 0xFF, (byte) 0xC0});
        jpeg[sof + 5] = (byte) 0xFF;
        jpeg[sof + 6] = (byte) 0xFF;
        jpeg[sof + 7] = (byte) 0xFF;
        jpeg[sof + 8] = (byte) 0xFF;

        assertThat(decode(jpeg)).isInstanceOfSatisfying(Decoded.Refused.class,
                r -> assertThat(r.reason()).isEqualTo(Decoded.Reason.TOO_LARGE));
    }

    @Test
    void refusesAJpegWithMoreScansThanTheLimit() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xD8});
        out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xC2, 0, 11, 8, 0, 8, 0, 8, 1, 1, 0x11, 0});
        for (int i = 0; i < 101; i++) {
            out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xDA, 0, 8, 1, 1, 0, 0, 0, 0, 0x55});
        }
        out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xD9});

        assertThat(decode(out.toByteArray())).isInstanceOfSatisfying(Decoded.Refused.class,
                r -> assertThat(r.message()).isEqualTo("JPEG has 101 scans, the limit is 100"));
    }

    @Test
    void refusesFilesOverTheByteLimit() {
        SafeDecoder small = new SafeDecoder(new DecodeLimits(50_000_000L, 1000, 100, Duration.ofSeconds(2)));
        byte[] file = Fixtures.bytes("threatexchange-pdq/misc/wee.jpg");

        assertThat(small.decode(file, Containers.read(file), 1)).isInstanceOfSatisfying(Decoded.Refused.class,
                r -> assertThat(r.reason()).isEqualTo(Decoded.Reason.TOO_LARGE));
    }

    @Test
    void namesUnsupportedFormats() {
        byte[] heic = new byte[64];
        System.arraycopy("\0\0\0\u0018ftypheic".getBytes(), 0, heic, 0, 12);
        byte[] gif = TestImages.encode(TestImages.gradient(8, 8), "gif");

        assertThat(decode(heic)).isInstanceOfSatisfying(Decoded.Refused.class,
                r -> assertThat(r.message()).isEqualTo("unsupported format: HEIC"));
        assertThat(decode(gif)).isInstanceOfSatisfying(Decoded.Refused.class,
                r -> assertThat(r.message()).isEqualTo("unsupported format: GIF"));
        assertThat(decode("hello".getBytes())).isInstanceOfSatisfying(Decoded.Refused.class,
                r -> assertThat(r.reason()).isEqualTo(Decoded.Reason.UNSUPPORTED_FORMAT));
    }

    @Test
    void aFileCutInsideItsHeaderIsCorruptNotACrash() {
        byte[] cut = Arrays.copyOf(Fixtures.bytes("threatexchange-pdq/bridge-mods/aaa-orig.jpg"), 300);

        assertThat(decode(cut)).isInstanceOfSatisfying(Decoded.Refused.class,
                r -> assertThat(r.reason()).isEqualTo(Decoded.Reason.CORRUPT));
    }

    @Test
    void aCorruptPngIsRefusedWithTheDecodersReason() {
        byte[] png = TestImages.encode(TestImages.gradient(64, 64), "png");
        byte[] broken = Arrays.copyOf(png, png.length);
        int idat = indexOf(broken, "IDAT".getBytes());
        Arrays.fill(broken, idat + 4, Math.min(broken.length - 12, idat + 40), (byte) 0x5A);

        assertThat(decode(broken)).isInstanceOfSatisfying(Decoded.Refused.class,
                r -> assertThat(r.reason()).isEqualTo(Decoded.Reason.CORRUPT));
    }

    @Test
    void aDecodeOverTheTimeLimitIsAbandoned() {
        SafeDecoder hurried = new SafeDecoder(new DecodeLimits(50_000_000L, 25_000_000L, 100, Duration.ofNanos(1000)));
        byte[] file = Fixtures.bytes("threatexchange-pdq/bridge-mods/aaa-orig.jpg");

        assertThat(hurried.decode(file, Containers.read(file), 1)).isInstanceOfSatisfying(Decoded.Refused.class,
                r -> assertThat(r.reason()).isEqualTo(Decoded.Reason.TIMED_OUT));
    }

    static void writeU32(byte[] b, int offset, int value) {
        b[offset] = (byte) (value >>> 24);
        b[offset + 1] = (byte) (value >>> 16);
        b[offset + 2] = (byte) (value >>> 8);
        b[offset + 3] = (byte) value;
    }

    static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
