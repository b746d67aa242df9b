package dev.candor.evidence.model;

import static dev.candor.evidence.EvidenceFixtures.MEDIA_PAYLOAD;
import static dev.candor.evidence.EvidenceFixtures.MOVIE_LOCATION;
import static dev.candor.evidence.EvidenceFixtures.contains;
import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.evidence.EvidenceFixtures;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class IsoMediaTest {

    @Test
    void theCopyHasNoLocationButEveryOffsetStillPointsAtTheSameSamples() {
        byte[] movie = EvidenceFixtures.movie("isom");
        assertThat(contains(movie, MOVIE_LOCATION)).isTrue();

        byte[] copy = IsoMedia.withoutMetadata(movie);

        assertThat(copy).hasSameSizeAs(movie);
        assertThat(contains(copy, MOVIE_LOCATION)).isFalse();
        assertThat(contains(copy, "com.apple.quicktime.location")).isFalse();
        assertThat(contains(copy, "udta")).isFalse();
        assertThat(contains(copy, "meta")).isFalse();
        assertThat(IsoMedia.problem(copy)).isEmpty();

        int stco = new String(copy, java.nio.charset.StandardCharsets.ISO_8859_1).indexOf("stco");
        int samplesAt = ByteBuffer.wrap(copy, stco + 12, 4).getInt();
        assertThat(new String(copy, samplesAt, MEDIA_PAYLOAD.length(), java.nio.charset.StandardCharsets.ISO_8859_1))
                .isEqualTo(MEDIA_PAYLOAD);
        assertThat(ByteBuffer.wrap(movie, stco + 12, 4).getInt()).isEqualTo(samplesAt);
    }

    @Test
    void creationTimesAreZeroedAndTheOriginalIsUntouched() {
        byte[] movie = EvidenceFixtures.movie("qt  ");
        byte[] before = movie.clone();
        byte[] copy = IsoMedia.withoutMetadata(movie);
        int mvhd = new String(copy, java.nio.charset.StandardCharsets.ISO_8859_1).indexOf("mvhd");
        assertThat(ByteBuffer.wrap(copy, mvhd + 8, 8).getLong()).isZero();
        assertThat(ByteBuffer.wrap(copy, mvhd + 16, 4).getInt()).isEqualTo(600);
        assertThat(movie).isEqualTo(before);
    }

    @Test
    void brokenStructuresAreNamed() {
        byte[] movie = EvidenceFixtures.movie("isom");
        movie[movie.length - MEDIA_PAYLOAD.length() - 8] = 0x7F;
        assertThat(IsoMedia.problem(movie)).contains("the box structure is broken or the file is truncated");
        byte[] twoMovies = EvidenceFixtures.concat(EvidenceFixtures.movie("isom"), EvidenceFixtures.box("moov"));
        assertThat(IsoMedia.problem(twoMovies)).contains("the file has 2 moov boxes instead of one");
    }
}
