package dev.candor.forensics.origin;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class OriginChecksTest {

    @ParameterizedTest
    @CsvSource({
            "Midjourney, true",
            "FLUX.1 [dev], true",
            "Adobe Firefly Image 3, true",
            "即梦AI 2.0, true",
            "Doubao, true",
            "Fluxus Camera 2.1, false",
            "Imagenomic Portraiture, false",
            "Adobe Photoshop 26.0, false",
            "Ver.1.00, false"})
    void generatorNamesMatchAsWordsNotInsideOtherNames(String software, boolean generator) {
        assertThat(OriginChecks.namesGenerator(software)).isEqualTo(generator);
    }

    @ParameterizedTest
    @CsvSource({
            "Adobe Photoshop 21.1 (Macintosh), true",
            "Adobe Lightroom 5.3 (Macintosh), true",
            "美图秀秀, true",
            "Canva, true",
            "Canvas Camera, false",
            "GIMP 2.10.38, true"})
    void editorNamesMatchAsWordsToo(String software, boolean editor) {
        assertThat(OriginChecks.namesEditor(software)).isEqualTo(editor);
    }
}
