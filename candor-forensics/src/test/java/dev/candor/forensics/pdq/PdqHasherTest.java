package dev.candor.forensics.pdq;

import dev.candor.forensics.Fixtures;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Expected values: fixtures/threatexchange-pdq/README.md and expected-pdq.csv (Meta's Java reference on ImageIO). */
class PdqHasherTest {

    record Expected(String file, String javaRefHash, int javaRefQuality) {
    }

    static Stream<Expected> expectedPdq() {
        return Fixtures.text("threatexchange-pdq/expected-pdq.csv").lines().skip(1).map(l -> l.split(",", -1))
                .map(c -> new Expected(c[0], c[3], Integer.parseInt(c[4])));
    }

    static BufferedImage decode(String path) throws IOException {
        return ImageIO.read(new ByteArrayInputStream(Fixtures.bytes(path)));
    }

    @ParameterizedTest
    @MethodSource("expectedPdq")
    void sameDecoderAsTheJavaReferenceGivesTheSameBitsAndQuality(Expected e) throws IOException {
        PdqResult result = PdqHasher.hash(decode("threatexchange-pdq/" + e.file()));

        assertThat(result.hash().toHex()).isEqualTo(e.javaRefHash());
        assertThat(result.quality()).isEqualTo(e.javaRefQuality());
    }

    @Test
    void dihedralHashesMatchTheJavaReferenceInItsOrder() throws IOException {
        List<String> expected = Fixtures.text("threatexchange-pdq/expected-pdqdih-bridge-1-original.txt").lines()
                .map(l -> l.split(",")[0]).toList();

        PdqResult result = PdqHasher.hash(decode("threatexchange-pdq/dih/bridge-1-original.jpg"));

        assertThat(Stream.of(Dihedral.values()).map(d -> result.hashes().get(d).toHex()).toList())
                .containsExactlyElementsOf(expected);
    }

    @Test
    void rotatedCopiesAreFarApartButMatchThroughTheDihedralHashes() throws IOException {
        PdqResult original = PdqHasher.hash(decode("threatexchange-pdq/dih/bridge-1-original.jpg"));
        PdqHash rotated = PdqHasher.hash(decode("threatexchange-pdq/dih/bridge-2-rotate-90.jpg")).hash();

        assertThat(original.hash().distance(rotated)).isEqualTo(120);
        PdqResult.DihedralMatch match = original.closestTo(rotated);
        assertThat(match.transform()).isEqualTo(Dihedral.ROTATE_90);
        assertThat(match.distance()).isLessThanOrEqualTo(PdqHasher.MATCH_THRESHOLD);
    }

    @Test
    void hexRoundTripsAndDistanceCountsDifferingBits() {
        PdqHash a = PdqHash.fromHex("f8f8f0cee0f4a84f06370a22038f63f0b36e2ed596621e1d33e6b39c4e9c9b22");
        PdqHash b = PdqHash.fromHex("f8f8f0cee0f4a84f06370a22038f63f0b36e2ed596621e1d33e6b39c4e9c9b23");

        assertThat(a.toHex()).isEqualTo("f8f8f0cee0f4a84f06370a22038f63f0b36e2ed596621e1d33e6b39c4e9c9b22");
        assertThat(a.distance(b)).isEqualTo(1);
    }
}
