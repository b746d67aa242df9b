package dev.candor.commerce.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PhotoTypeTest {

    static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10, 'J', 'F', 'I', 'F'};
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 0x0D};
    static final byte[] WEBP = "RIFF\u0024\0\0\0WEBPVP8 ".getBytes(StandardCharsets.ISO_8859_1);

    @Test
    void eachTypeRecognisesOnlyItsOwnMagicBytes() {
        assertThat(PhotoType.JPEG.matches(JPEG)).isTrue();
        assertThat(PhotoType.PNG.matches(PNG)).isTrue();
        assertThat(PhotoType.WEBP.matches(WEBP)).isTrue();

        assertThat(PhotoType.JPEG.matches(PNG)).isFalse();
        assertThat(PhotoType.PNG.matches(WEBP)).isFalse();
        assertThat(PhotoType.WEBP.matches(JPEG)).isFalse();
    }

    @Test
    void aRiffFileThatIsNotWebpAndTruncatedFilesAreRefused() {
        assertThat(PhotoType.WEBP.matches("RIFF\0\0\0\0WAVEfmt ".getBytes(StandardCharsets.ISO_8859_1))).isFalse();
        assertThat(PhotoType.WEBP.matches("RIFF".getBytes(StandardCharsets.ISO_8859_1))).isFalse();
        assertThat(PhotoType.JPEG.matches(new byte[0])).isFalse();
    }

    @Test
    void mediaTypesAreMatchedIgnoringCase() {
        assertThat(PhotoType.ofMediaType("image/JPEG")).contains(PhotoType.JPEG);
        assertThat(PhotoType.ofMediaType("image/gif")).isEmpty();
    }
}
