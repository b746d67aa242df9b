package dev.candor.forensics.c2pa;

import dev.candor.forensics.Fixtures;
import dev.candor.forensics.ForensicReport;
import dev.candor.forensics.Forensics;
import dev.candor.forensics.ScanConfig;
import dev.candor.forensics.ScanContext;
import dev.candor.forensics.Scanner;
import dev.candor.forensics.Strength;
import dev.candor.forensics.Verdict;
import dev.candor.forensics.container.Container;
import dev.candor.forensics.container.Containers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * C2PA reading and validation against the c2pa-rs fixtures: codes and generators from
 * {@code fixtures/c2pa-rs/known_good/*.json} and the README tables, never from our own output.
 */
class C2paTest {

    private static final String ALGORITHMIC = "http://cv.iptc.org/newscodes/digitalsourcetype/algorithmicMedia";
    private static final String TRAINED = "http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia";

    private final Scanner scanner = Forensics.scanner(ScanConfig.defaults());

    private ForensicReport scan(String fixture) {
        return scanner.scan(fixture, Fixtures.bytes(fixture), ScanContext.none());
    }

    private static JsonNode knownGood(String name) {
        return JsonMapper.builder().build().readTree(Fixtures.text("c2pa-rs/known_good/" + name));
    }

    private static List<String> codes(JsonNode knownGood, String kind) {
        List<String> codes = new ArrayList<>();
        knownGood.get("validation_results").get("activeManifest").get(kind).forEach(c -> codes.add(c.get("code").asString()));
        return codes;
    }

    private static String claimGenerator(JsonNode knownGood) {
        return knownGood.get("manifests").get(knownGood.get("active_manifest").asString()).get("claim_generator").asString();
    }

    @ParameterizedTest
    @CsvSource({"C.jpg,C.json", "CA.jpg,CA.json"})
    void validManifestsGiveEverySuccessCodeC2paRsGivesAndNoFailure(String file, String json) {
        JsonNode expected = knownGood(json);

        ForensicReport.C2pa c2pa = scan("c2pa-rs/" + file).provenance().c2pa();

        assertThat(c2pa.present()).isTrue();
        assertThat(c2pa.claimGenerator()).isEqualTo(claimGenerator(expected));
        assertThat(c2pa.validationCodes()).containsAll(codes(expected, "success"));
        assertThat(codes(expected, "failure")).isEmpty();
        assertThat(c2pa.validationCodes()).doesNotContain("assertion.dataHash.mismatch", "claimSignature.mismatch",
                "assertion.hashedURI.mismatch");
    }

    @Test
    void withoutTrustAnchorsAValidSignatureIsValidButUntrusted() {
        assertThat(scan("c2pa-rs/C.jpg").provenance().c2pa().validationCodes())
                .contains("claimSignature.validated", "signingCredential.untrusted");
    }

    @Test
    void theCreatedActionsSourceTypeIsReported() {
        ForensicReport report = scan("c2pa-rs/C.jpg");

        assertThat(report.provenance().c2pa().digitalSourceTypes()).containsExactly(ALGORITHMIC);
        assertThat(report.verdict()).isEqualTo(Verdict.AI_GENERATED_DECLARED);
    }

    @Test
    void pixelsChangedAfterSigningBreakTheDataHash() {
        JsonNode expected = knownGood("XCA.json");

        ForensicReport report = scan("c2pa-rs/XCA.jpg");

        assertThat(report.provenance().c2pa().validationCodes()).containsAll(codes(expected, "failure"))
                .contains("assertion.dataHash.mismatch");
        assertThat(report.verdict()).isEqualTo(Verdict.PROVENANCE_TAMPERED);
        assertThat(report.findings().getFirst()).satisfies(f -> {
            assertThat(f.check()).isEqualTo("c2pa.tampered");
            assertThat(f.strength()).isEqualTo(Strength.CONCLUSIVE);
        });
    }

    @Test
    void patchedSignedBytesFailTheSignatureAndTheTimestamp() {
        assertThat(scan("c2pa-rs/E-sig-CA.jpg").provenance().c2pa().validationCodes())
                .contains("claimSignature.mismatch", "timeStamp.mismatch");
    }

    @Test
    void anAlteredTimestampIsMalformedButNotTampering() {
        ForensicReport report = scan("c2pa-rs/CA_ct.jpg");

        assertThat(report.provenance().c2pa().validationCodes()).contains("timeStamp.malformed", "claimSignature.validated");
        assertThat(report.verdict()).isEqualTo(Verdict.NO_FINDINGS);
    }

    @Test
    void aClaimWithoutHashAlgorithmIsUnsupported() {
        assertThat(scan("c2pa-rs/no_alg.jpg").provenance().c2pa().validationCodes()).contains("algorithm.unsupported");
    }

    @ParameterizedTest
    @CsvSource({"chatgpt-1.png,ChatGPT", "firefly-1.png,Adobe_Firefly", "flux-1.jpg,Black Forest Labs API"})
    void aiGeneratorOutputsDeclareTrainedAlgorithmicMedia(String file, String generator) {
        ForensicReport report = scan("ai-provenance-samples/" + file);

        assertThat(report.provenance().c2pa().present()).isTrue();
        assertThat(report.provenance().c2pa().claimGenerator()).startsWith(generator);
        assertThat(report.provenance().c2pa().digitalSourceTypes()).contains(TRAINED);
        assertThat(report.provenance().c2pa().validationCodes()).contains("assertion.dataHash.match", "claimSignature.validated");
        assertThat(report.verdict()).isEqualTo(Verdict.AI_GENERATED_DECLARED);
    }

    @Test
    void aSignerChainingToAConfiguredAnchorIsTrusted() throws Exception {
        List<X509Certificate> chain = chainOf(Fixtures.bytes("c2pa-rs/C.jpg"));
        Scanner trusting = Forensics.scanner(ScanConfig.defaults().withTrustAnchors(List.of(chain.getLast())));

        ForensicReport report = trusting.scan("C.jpg", Fixtures.bytes("c2pa-rs/C.jpg"), ScanContext.none());

        assertThat(chain).hasSizeGreaterThan(1);
        assertThat(report.provenance().c2pa().validationCodes()).contains("signingCredential.trusted")
                .doesNotContain("signingCredential.untrusted");
    }

    @Test
    void multiSegmentApp11StoresAreReassembledInSequenceOrder() {
        Container container = Containers.read(Fixtures.bytes("c2pa-rs/CA.jpg"));

        assertThat(container.jumbf().length).as("more than one APP11 segment can carry").isGreaterThan(65_535 - 2 - 8);
        assertThat(scan("c2pa-rs/CA.jpg").provenance().c2pa().validationCodes()).contains("assertion.hashedURI.match");
    }

    @Test
    void aC2paChunkInWebpIsRead() {
        byte[] jumbf = Containers.read(Fixtures.bytes("c2pa-rs/C.jpg")).jumbf();
        byte[] webp = withChunk(Fixtures.bytes("c2pa-rs/sample1.webp"), "C2PA", jumbf);

        ForensicReport report = scanner.scan("moved.webp", webp, ScanContext.none());

        assertThat(report.format()).isEqualTo("WEBP");
        assertThat(report.provenance().c2pa().claimGenerator()).isEqualTo("make_test_images/0.33.1 c2pa-rs/0.33.1");
        assertThat(report.provenance().c2pa().validationCodes()).contains("claimSignature.validated", "assertion.dataHash.mismatch");
    }

    @Test
    void anIngredientWithABrokenSignatureIsReportedWithoutFailingTheActiveManifest() {
        ForensicReport report = scan("c2pa-rs/CIE-sig-CA.jpg");

        assertThat(report.provenance().c2pa().validationCodes())
                .contains("ingredient.claimSignature.mismatch", "claimSignature.validated", "assertion.dataHash.match");
        assertThat(report.findings()).anySatisfy(f -> {
            assertThat(f.check()).isEqualTo("c2pa.ingredient");
            assertThat(f.strength()).isEqualTo(Strength.MODERATE);
        });
        assertThat(report.findings()).noneMatch(f -> f.check().equals("c2pa.tampered"));
    }

    @Test
    void aValidIngredientManifestIsValidatedThroughItsHashedUri() {
        assertThat(scan("ai-provenance-samples/chatgpt-1.png").provenance().c2pa().validationCodes())
                .contains("ingredient.manifest.validated", "ingredient.claimSignature.validated");
    }

    @Test
    void aRemoteManifestReferenceIsReportedWithItsUrl() {
        ForensicReport report = scan("c2pa-rs/cloud.jpg");

        assertThat(report.provenance().c2pa().present()).isFalse();
        assertThat(report.findings()).anySatisfy(f -> {
            assertThat(f.check()).isEqualTo("c2pa.remote");
            assertThat(f.data()).containsEntry("url",
                    "https://cai-manifests.adobe.com/manifests/adobe-urn-uuid-5f37e182-3687-462e-a7fb-573462780391");
        });
    }

    @Test
    void credentialsReferencedInXmpButMissingFromTheFileWereStripped() {
        ForensicReport report = scan("c2pa-rs/no_manifest.jpg");

        assertThat(report.provenance().c2pa().present()).isFalse();
        assertThat(report.findings()).anySatisfy(f -> {
            assertThat(f.check()).isEqualTo("c2pa.stripped");
            assertThat(f.strength()).isEqualTo(Strength.MODERATE);
        });
    }

    @Test
    void aTruncatedStoreIsMalformedNotACrash() {
        byte[] file = Fixtures.bytes("c2pa-rs/C.jpg");
        Container container = Containers.read(file);
        byte[] cut = java.util.Arrays.copyOf(container.jumbf(), 3000);

        assertThat(org.assertj.core.api.Assertions.catchThrowableOfType(C2paException.class, () -> ManifestStore.read(cut)).code())
                .isEqualTo("claim.malformed");
    }

    private static List<X509Certificate> chainOf(byte[] file) throws Exception {
        ManifestStore store = ManifestStore.read(Containers.read(file).jumbf());
        JsonNode sign1 = ManifestStore.cbor(store.active().signatureBytes());
        JsonNode header = ManifestStore.cbor(sign1.get(0).binaryValue());
        CertificateFactory cf = CertificateFactory.getInstance("X.509");
        List<X509Certificate> chain = new ArrayList<>();
        for (JsonNode der : header.get("33")) {
            chain.add((X509Certificate) cf.generateCertificate(new ByteArrayInputStream(der.binaryValue())));
        }
        return chain;
    }

    private static byte[] withChunk(byte[] webp, String type, byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(webp, 0, webp.length);
        out.writeBytes(type.getBytes());
        out.writeBytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(data.length).array());
        out.writeBytes(data);
        if ((data.length & 1) == 1) {
            out.write(0);
        }
        byte[] result = out.toByteArray();
        ByteBuffer.wrap(result, 4, 4).order(ByteOrder.LITTLE_ENDIAN).putInt(result.length - 8);
        return result;
    }
}
