package dev.candor.forensics.pdq;

import dev.candor.forensics.Fixtures;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

class DihedralsTest {

    @ParameterizedTest
    @EnumSource(Dihedral.class)
    void transformingThePixelsGivesTheMatchingDihedralHash(Dihedral d) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(Fixtures.bytes("threatexchange-pdq/misc/wee.jpg")));
        PdqResult hashes = PdqHasher.hash(image);

        PdqHash transformed = PdqHasher.hash(Dihedrals.apply(image, d)).hash();

        assertThat(transformed.distance(hashes.hashes().get(d))).isLessThanOrEqualTo(8);
    }
}
