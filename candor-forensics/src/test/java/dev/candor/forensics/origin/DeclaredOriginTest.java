package dev.candor.forensics.origin;

import dev.candor.forensics.Carriers;
import dev.candor.forensics.Finding;
import dev.candor.forensics.Fixtures;
import dev.candor.forensics.ForensicReport;
import dev.candor.forensics.Forensics;
import dev.candor.forensics.ScanConfig;
import dev.candor.forensics.ScanContext;
import dev.candor.forensics.Scanner;
import dev.candor.forensics.Strength;
import dev.candor.forensics.TestImages;
import dev.candor.forensics.Verdict;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * GB 45438-2025 labels in each carrier (files built by {@link Carriers}), IPTC digital source type and generator
 * metadata on the real generator outputs of fixtures/ai-provenance-samples (expectations from its README).
 */
class DeclaredOriginTest {

    private static final String LABEL = "{\"Label\":\"1\",\"ContentProducer\":\"001191110108MA01KP2T5U00000\","
            + "\"ProduceID\":\"20250901-abc123\",\"ReservedCode1\":\"\",\"ContentPropagator\":\"001191330106MA2H0F9R1A00000\","
            + "\"PropagateID\":\"p-77\",\"ReservedCode2\":\"\"}";
    private static final String TC260 = "xmlns:TC260=\"http://www.tc260.org.cn/ns/AIGC/1.0/\"";

    private final Scanner scanner = Forensics.scanner(ScanConfig.defaults());

    private static byte[] jpeg() {
        return TestImages.jpeg(TestImages.gradient(96, 64), 0.9f);
    }

    private static byte[] png() {
        return TestImages.encode(TestImages.gradient(96, 64), "png");
    }

    private ForensicReport scan(String name, byte[] file) {
        return scanner.scan(name, file, ScanContext.none());
    }

    private static void assertLabelled(ForensicReport report, String carrier) {
        assertThat(report.provenance().aigcLabel()).isEqualTo(
                new ForensicReport.AigcLabel("1", "001191110108MA01KP2T5U00000", "20250901-abc123", carrier));
        assertThat(report.verdict()).isEqualTo(Verdict.AI_GENERATED_DECLARED);
        assertThat(report.findings().getFirst()).satisfies(f -> {
            assertThat(f.check()).isEqualTo("aigc.label");
            assertThat(f.strength()).isEqualTo(Strength.CONCLUSIVE);
            assertThat(f.data()).containsEntry("propagateId", "p-77");
        });
    }

    @Test
    void labelAsAnXmpElementInJpeg() {
        String xmp = Carriers.xmpPacket("<TC260:AIGC>" + LABEL.replace("&", "&amp;") + "</TC260:AIGC>", TC260, "");

        assertLabelled(scan("element.jpg", Carriers.jpegWithXmp(jpeg(), xmp)), "xmp");
    }

    @Test
    void labelAsAnXmpAttributeInPng() {
        String xmp = Carriers.xmpPacket("", TC260, "TC260:AIGC=\"" + LABEL.replace("\"", "&quot;") + "\"");

        byte[] file = Carriers.pngWithChunk(png(), "iTXt", Carriers.pngInternationalText("XML:com.adobe.xmp", xmp));

        assertLabelled(scan("attribute.png", file), "xmp");
    }

    @Test
    void labelInAPngTextChunk() {
        byte[] file = Carriers.pngWithChunk(png(), "tEXt", Carriers.pngText("AIGC", LABEL));

        assertLabelled(scan("text.png", file), "png-text");
    }

    @Test
    void labelInTheExifUserComment() {
        byte[] tiff = Carriers.exif(null, null, null, null, null, null, "{\"AIGC\":" + LABEL + "}");

        assertLabelled(scan("comment.jpg", Carriers.jpegWithExif(jpeg(), tiff)), "exif-user-comment");
    }

    @Test
    void labelInABareAigcJpegSegment() {
        byte[] file = Carriers.jpegWithSegment(jpeg(), 0xE9, ("AIGC" + LABEL).getBytes(StandardCharsets.UTF_8));

        assertLabelled(scan("app.jpg", file), "jpeg-app");
    }

    @Test
    void aPossiblyGeneratedLabelIsStrongNotConclusive() {
        byte[] file = Carriers.pngWithChunk(png(), "tEXt", Carriers.pngText("AIGC", LABEL.replace("\"Label\":\"1\"", "\"Label\":\"2\"")));

        ForensicReport report = scan("maybe.png", file);

        assertThat(report.provenance().aigcLabel().label()).isEqualTo("2");
        assertThat(report.findings()).filteredOn(f -> f.check().equals("aigc.label"))
                .extracting(Finding::strength).containsExactly(Strength.STRONG);
    }

    @Test
    void brokenLabelJsonIsIgnoredNotFatal() {
        byte[] file = Carriers.pngWithChunk(png(), "tEXt", Carriers.pngText("AIGC", "{\"Label\":\"1\""));

        ForensicReport report = scan("broken.png", file);

        assertThat(report.provenance().aigcLabel()).isNull();
        assertThat(report.verdict()).isEqualTo(Verdict.NO_FINDINGS);
    }

    @Test
    void anIptcCompositeWithAiIsDeclaredAiEdited() {
        String xmp = Carriers.xmpPacket("<Iptc4xmpExt:DigitalSourceType>http://cv.iptc.org/newscodes/digitalsourcetype/"
                + "compositeWithTrainedAlgorithmicMedia</Iptc4xmpExt:DigitalSourceType>",
                "xmlns:Iptc4xmpExt=\"http://iptc.org/std/Iptc4xmpExt/2008-02-29/\"", "");

        ForensicReport report = scan("edited.jpg", Carriers.jpegWithXmp(jpeg(), xmp));

        assertThat(report.verdict()).isEqualTo(Verdict.AI_EDITED_DECLARED);
    }

    @Test
    void stableDiffusionParametersAndComfyUiWorkflowsAreGeneratorMetadata() {
        byte[] sd = Carriers.pngWithChunk(png(), "tEXt", Carriers.pngText("parameters",
                "a photo of a torn shirt\nNegative prompt: blurry\nSteps: 20, Sampler: Euler a, CFG scale: 7, Seed: 1, Size: 512x512"));
        byte[] comfy = Carriers.pngWithChunk(png(), "tEXt", Carriers.pngText("prompt",
                "{\"3\":{\"class_type\":\"KSampler\",\"inputs\":{\"seed\":1}}}"));

        assertThat(scan("sd.png", sd).findings()).anySatisfy(f -> {
            assertThat(f.check()).isEqualTo("generator.metadata");
            assertThat(f.data()).containsEntry("generator", "stable-diffusion");
        });
        assertThat(scan("comfy.png", comfy).findings()).anySatisfy(f -> assertThat(f.data()).containsEntry("generator", "comfyui"));
        assertThat(scan("sd.png", sd).verdict()).isEqualTo(Verdict.AI_GENERATED_DECLARED);
    }

    @Test
    void midjourneyOutputDeclaresItselfThroughIptcAndItsDescription() {
        ForensicReport report = scan("mj-1.png", Fixtures.bytes("ai-provenance-samples/mj-1.png"));

        assertThat(report.provenance().iptcDigitalSourceType())
                .isEqualTo("http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia");
        assertThat(report.findings()).anySatisfy(f -> assertThat(f.data()).containsEntry("generator", "midjourney"));
        assertThat(report.verdict()).isEqualTo(Verdict.AI_GENERATED_DECLARED);
        assertThat(report.width()).isEqualTo(1232);
        assertThat(report.height()).isEqualTo(928);
    }

    @Test
    void grokOutputCarriesTheXaiExifSignature() {
        ForensicReport report = scan("grok-1.jpg", Fixtures.bytes("ai-provenance-samples/grok-1.jpg"));

        assertThat(report.findings()).anySatisfy(f -> {
            assertThat(f.strength()).isEqualTo(Strength.STRONG);
            assertThat(f.data()).containsEntry("generator", "xai");
        });
        assertThat(report.verdict()).isEqualTo(Verdict.AI_GENERATED_DECLARED);
        assertThat(report.provenance().c2pa().present()).isFalse();
    }

    @Test
    void photoshopAndLightroomLeaveEditingTraces() {
        ForensicReport photoshop = scan("earth_apollo17.jpg", Fixtures.bytes("c2pa-rs/earth_apollo17.jpg"));
        ForensicReport lightroom = scan("P1000827.jpg", Fixtures.bytes("c2pa-rs/P1000827.jpg"));

        assertThat(photoshop.findings()).anySatisfy(f -> {
            assertThat(f.check()).isEqualTo("software.editor");
            assertThat(f.data().get("software")).contains("Photoshop 21.1");
        });
        assertThat(lightroom.findings()).anySatisfy(f -> assertThat(f.data().get("software")).contains("Lightroom"));
        assertThat(photoshop.verdict()).isEqualTo(Verdict.NO_FINDINGS);
    }
}
