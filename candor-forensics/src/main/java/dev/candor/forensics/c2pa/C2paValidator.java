package dev.candor.forensics.c2pa;

import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampToken;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.util.Selector;
import tools.jackson.databind.JsonNode;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Signature;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Validates the active manifest of a C2PA store as the C2PA specification (2.x, section 15) describes:
 * hashed-URI references, the data-hash hard binding, the COSE_Sign1 claim signature with its certificate chain,
 * and the RFC 3161 timestamp. Codes are those c2pa-rs reports.
 */
public final class C2paValidator {

    private final List<X509Certificate> trustAnchors;

    public C2paValidator(List<X509Certificate> trustAnchors) {
        this.trustAnchors = List.copyOf(trustAnchors);
    }

    static final Set<String> INGREDIENT_FAILURES = Set.of("ingredient.manifest.missing", "ingredient.manifest.mismatch",
            "ingredient.claimSignature.mismatch", "ingredient.hashedURI.mismatch", "ingredient.malformed");

    /** Failure codes about the signer's credential rather than about the integrity of the claim or asset. */
    static final Set<String> CREDENTIAL_FAILURES = Set.of("signingCredential.expired", "signingCredential.invalid",
            "signingCredential.revoked");

    /**
     * Codes in the order found; {@code failures} is the subset that means the credentials do not hold.
     */
    public record Validation(List<String> codes, Set<String> failures, String signer, Instant signedAt,
                             List<String> ingredientFailures) {

        /** Failures that show the claim or the asset changed after signing (not merely a credential problem). */
        public Set<String> integrityFailures() {
            Set<String> integrity = new LinkedHashSet<>(failures);
            integrity.removeAll(CREDENTIAL_FAILURES);
            return integrity;
        }
    }

    public Validation validate(ManifestStore store, byte[] file) {
        Set<String> codes = new LinkedHashSet<>();
        Set<String> failures = new LinkedHashSet<>();
        ManifestStore.Manifest active = store.active();
        String[] signer = {null};
        Instant[] signedAt = {null};
        try {
            signature(active, codes, failures, signer, signedAt);
        } catch (C2paException e) {
            fail(e.code(), codes, failures);
        }
        hashedUris(store, active, codes, failures);
        dataHash(active, file, codes, failures);
        Set<String> ingredientCodes = new LinkedHashSet<>();
        ingredients(store, active, ingredientCodes);
        codes.addAll(ingredientCodes);
        return new Validation(List.copyOf(codes), failures, signer[0], signedAt[0], ingredientCodes.stream()
                .filter(INGREDIENT_FAILURES::contains).toList());
    }

    /**
     * Ingredients whose own manifests are in the store (C2PA 2.x 15.11): the ingredient assertion's hashed URI to
     * that manifest, and the manifest's own claim signature and assertion references. Its data hash binds the
     * ingredient's original file, which is not here. Reported under the {@code ingredient.*} codes; they do not
     * make the active manifest fail.
     */
    private void ingredients(ManifestStore store, ManifestStore.Manifest active, Set<String> codes) {
        for (Jumbf.Superbox box : active.assertions("c2pa.ingredient", "c2pa.ingredient.v2", "c2pa.ingredient.v3")) {
            Jumbf.Content content = box.content("cbor");
            JsonNode ref;
            try {
                JsonNode ingredient = content == null ? null : ManifestStore.cbor(content.data());
                ref = ingredient == null ? null
                        : ingredient.get("activeManifest") != null ? ingredient.get("activeManifest") : ingredient.get("c2pa_manifest");
            } catch (C2paException e) {
                codes.add("ingredient.malformed");
                continue;
            }
            if (ref == null) {
                continue;
            }
            Jumbf.Superbox target = ref.get("url") == null ? null : store.resolve(ref.get("url").asString(), active);
            ManifestStore.Manifest manifest = target == null ? null : store.manifests().stream()
                    .filter(m -> m.box() == target).findFirst().orElse(null);
            if (manifest == null) {
                codes.add("ingredient.manifest.missing");
                continue;
            }
            String alg = ref.get("alg") == null ? active.defaultAlg() : ref.get("alg").asString();
            try {
                JsonNode hash = ref.get("hash");
                boolean matches = alg != null && hash != null && hash.isBinary()
                        && MessageDigest.isEqual(digest(alg).digest(target.raw()), hash.binaryValue());
                codes.add(matches ? "ingredient.manifest.validated" : "ingredient.manifest.mismatch");
            } catch (NoSuchAlgorithmException e) {
                codes.add("algorithm.unsupported");
            }
            Set<String> own = new LinkedHashSet<>();
            Set<String> ownFailures = new LinkedHashSet<>();
            try {
                signature(manifest, own, ownFailures, new String[1], new Instant[1]);
            } catch (C2paException e) {
                ownFailures.add(e.code());
            }
            codes.add(own.contains("claimSignature.validated") ? "ingredient.claimSignature.validated" : "ingredient.claimSignature.mismatch");
            hashedUris(store, manifest, own, ownFailures);
            if (ownFailures.contains("assertion.hashedURI.mismatch") || ownFailures.contains("assertion.missing")) {
                codes.add("ingredient.hashedURI.mismatch");
            }
        }
    }

    private static void fail(String code, Set<String> codes, Set<String> failures) {
        codes.add(code);
        failures.add(code);
    }

    private static void hashedUris(ManifestStore store, ManifestStore.Manifest m, Set<String> codes, Set<String> failures) {
        for (JsonNode ref : m.assertionReferences()) {
            JsonNode url = ref.get("url");
            JsonNode hash = ref.get("hash");
            Jumbf.Superbox box = url == null ? null : store.resolve(url.asString(), m);
            if (box == null || hash == null || !hash.isBinary()) {
                fail("assertion.missing", codes, failures);
                continue;
            }
            String alg = ref.get("alg") == null ? m.defaultAlg() : ref.get("alg").asString();
            if (alg == null) {
                fail("algorithm.unsupported", codes, failures);
                continue;
            }
            try {
                byte[] actual = digest(alg).digest(box.raw());
                if (MessageDigest.isEqual(actual, hash.binaryValue())) {
                    codes.add("assertion.hashedURI.match");
                } else {
                    fail("assertion.hashedURI.mismatch", codes, failures);
                }
            } catch (NoSuchAlgorithmException e) {
                fail("algorithm.unsupported", codes, failures);
            }
        }
    }

    private static void dataHash(ManifestStore.Manifest m, byte[] file, Set<String> codes,
                                 Set<String> failures) {
        List<Jumbf.Superbox> hashes = m.assertions("c2pa.hash.data");
        if (hashes.isEmpty()) {
            if (m.assertions("c2pa.hash.boxes", "c2pa.hash.bmff", "c2pa.hash.bmff.v2", "c2pa.hash.bmff.v3",
                    "c2pa.hash.collection.data").isEmpty()) {
                fail("claim.hardBindings.missing", codes, failures);
            } else {
                codes.add("algorithm.unsupported");
            }
            return;
        }
        try {
            JsonNode a = ManifestStore.cbor(hashes.getFirst().content("cbor").data());
            String alg = a.get("alg") == null ? m.defaultAlg() : a.get("alg").asString();
            if (alg == null) {
                fail("algorithm.unsupported", codes, failures);
                return;
            }
            MessageDigest md = digest(alg);
            List<long[]> exclusions = new ArrayList<>();
            JsonNode ex = a.get("exclusions");
            if (ex != null) {
                for (JsonNode e : ex) {
                    exclusions.add(new long[] {e.get("start").asLong(), e.get("length").asLong()});
                }
            }
            exclusions.sort(Comparator.comparingLong(e -> e[0]));
            long pos = 0;
            for (long[] e : exclusions) {
                if (e[0] < pos || e[0] + e[1] > file.length || e[1] < 0) {
                    fail("assertion.dataHash.mismatch", codes, failures);
                    return;
                }
                md.update(file, (int) pos, (int) (e[0] - pos));
                pos = e[0] + e[1];
            }
            md.update(file, (int) pos, (int) (file.length - pos));
            JsonNode expected = a.get("hash");
            if (expected != null && expected.isBinary() && MessageDigest.isEqual(md.digest(), expected.binaryValue())) {
                codes.add("assertion.dataHash.match");
            } else {
                fail("assertion.dataHash.mismatch", codes, failures);
            }
        } catch (NoSuchAlgorithmException e) {
            fail("algorithm.unsupported", codes, failures);
        } catch (C2paException | NullPointerException e) {
            fail("assertion.dataHash.malformed", codes, failures);
        }
    }

    private void signature(ManifestStore.Manifest m, Set<String> codes, Set<String> failures, String[] signer,
                           Instant[] signedAt) throws C2paException {
        if (m.signatureBytes() == null) {
            throw new C2paException("claimSignature.missing", "the active manifest has no signature");
        }
        JsonNode sign1 = ManifestStore.cbor(m.signatureBytes());
        if (!sign1.isArray() || sign1.size() != 4 || !sign1.get(0).isBinary() || !sign1.get(3).isBinary()) {
            throw new C2paException("claimSignature.mismatch", "the signature is not a COSE_Sign1 structure");
        }
        byte[] protectedBytes = sign1.get(0).binaryValue();
        JsonNode protectedHeader = protectedBytes.length == 0 ? ManifestStore.CBOR.createObjectNode() : ManifestStore.cbor(protectedBytes);
        JsonNode unprotected = sign1.get(1);
        Cose.Alg alg = protectedHeader.get("1") == null ? null : Cose.Alg.of(protectedHeader.get("1").asInt());
        if (alg == null) {
            throw new C2paException("algorithm.unsupported", "unsupported COSE signature algorithm");
        }
        List<X509Certificate> chain = certificates(protectedHeader, unprotected);
        if (chain.isEmpty()) {
            throw new C2paException("signingCredential.invalid", "no signing certificate (x5chain)");
        }
        X509Certificate leaf = chain.getFirst();
        signer[0] = leaf.getSubjectX500Principal().getName();
        byte[] signatureValue = sign1.get(3).binaryValue();
        try {
            Signature verifier = alg.verifier(leaf.getPublicKey());
            verifier.update(Cose.sigStructure("Signature1", protectedBytes, m.claimBytes()));
            if (verifier.verify(signatureValue)) {
                codes.add("claimSignature.validated");
            } else {
                fail("claimSignature.mismatch", codes, failures);
            }
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            fail("claimSignature.mismatch", codes, failures);
        }
        Instant time = timestamp(unprotected, protectedBytes, m, signatureValue, codes, failures);
        signedAt[0] = time;
        Date when = Date.from(time == null ? Instant.now() : time);
        if (when.before(leaf.getNotBefore()) || when.after(leaf.getNotAfter())) {
            fail("signingCredential.expired", codes, failures);
        } else {
            codes.add("claimSignature.insideValidity");
        }
        codes.add(trusted(chain, when) ? "signingCredential.trusted" : "signingCredential.untrusted");
    }

    private boolean trusted(List<X509Certificate> chain, Date when) {
        if (trustAnchors.isEmpty()) {
            return false;
        }
        try {
            Set<TrustAnchor> anchors = new HashSet<>();
            trustAnchors.forEach(a -> anchors.add(new TrustAnchor(a, null)));
            PKIXParameters params = new PKIXParameters(anchors);
            params.setRevocationEnabled(false);
            params.setDate(when);
            List<X509Certificate> path = chain.stream().filter(c -> !trustAnchors.contains(c)).toList();
            CertPathValidator.getInstance("PKIX").validate(CertificateFactory.getInstance("X.509").generateCertPath(path), params);
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /** x5chain is COSE header 33 (RFC 9360), in the protected or (older claims) unprotected header. */
    private static List<X509Certificate> certificates(JsonNode protectedHeader, JsonNode unprotected) throws C2paException {
        JsonNode x5 = protectedHeader.get("33");
        if (x5 == null && unprotected != null) {
            x5 = unprotected.get("33") != null ? unprotected.get("33") : unprotected.get("x5chain");
        }
        List<X509Certificate> chain = new ArrayList<>();
        if (x5 == null) {
            return chain;
        }
        List<JsonNode> ders = new ArrayList<>();
        if (x5.isArray()) {
            x5.forEach(ders::add);
        } else {
            ders.add(x5);
        }
        try {
            CertificateFactory cf = CertificateFactory.getInstance("X.509");
            for (JsonNode der : ders) {
                if (der.isBinary()) {
                    chain.add((X509Certificate) cf.generateCertificate(new ByteArrayInputStream(der.binaryValue())));
                }
            }
        } catch (GeneralSecurityException e) {
            throw new C2paException("signingCredential.invalid", "unreadable signing certificate");
        }
        return chain;
    }

    /**
     * The RFC 3161 token time-stamps a COSE CounterSignature structure (C2PA 2.x 10.3.2.5) whose payload is the
     * claim ({@code sigTst}, v1) or the CBOR-encoded signature value ({@code sigTst2}, v2); a token whose imprint
     * matches and whose TSA signature verifies gives the signing time.
     */
    private static Instant timestamp(JsonNode unprotected, byte[] protectedBytes, ManifestStore.Manifest m,
                                     byte[] signatureValue, Set<String> codes, Set<String> failures) {
        if (unprotected == null) {
            return null;
        }
        boolean v2 = unprotected.get("sigTst2") != null;
        JsonNode tst = v2 ? unprotected.get("sigTst2") : unprotected.get("sigTst");
        if (tst == null || tst.get("tstTokens") == null || tst.get("tstTokens").isEmpty()) {
            return null;
        }
        JsonNode val = tst.get("tstTokens").get(0).get("val");
        if (val == null || !val.isBinary()) {
            codes.add("timeStamp.malformed");
            return null;
        }
        try {
            TimeStampToken token = token(val.binaryValue());
            MessageDigest md = MessageDigest.getInstance(token.getTimeStampInfo().getMessageImprintAlgOID().getId());
            byte[] payload = v2 ? Cose.byteString(signatureValue) : m.claimBytes();
            byte[] expected = md.digest(Cose.sigStructure("CounterSignature", protectedBytes, payload));
            if (MessageDigest.isEqual(expected, token.getTimeStampInfo().getMessageImprintDigest()) && tsaSignatureValid(token)) {
                codes.add("timeStamp.validated");
                codes.add("timeStamp.untrusted");
                return token.getTimeStampInfo().getGenTime().toInstant();
            }
            codes.add("timeStamp.mismatch");
            return null;
        } catch (GeneralSecurityException | IOException | TSPException | CMSException | RuntimeException e) {
            codes.add("timeStamp.malformed");
            return null;
        }
    }

    /** {@code sigTst} holds the whole TimeStampResp, {@code sigTst2} only its token. */
    private static TimeStampToken token(byte[] der) throws IOException, TSPException, CMSException {
        try {
            TimeStampToken token = new TimeStampResponse(der).getTimeStampToken();
            if (token != null) {
                return token;
            }
        } catch (TSPException | IOException | RuntimeException e) {
            // not a TimeStampResp: read it as a bare token below
        }
        return new TimeStampToken(new CMSSignedData(der));
    }

    @SuppressWarnings("unchecked")
    private static boolean tsaSignatureValid(TimeStampToken token) {
        try {
            Collection<X509CertificateHolder> certs = token.getCertificates().getMatches((Selector<X509CertificateHolder>) token.getSID());
            if (certs.isEmpty()) {
                return false;
            }
            token.validate(new JcaSimpleSignerInfoVerifierBuilder().build(certs.iterator().next()));
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    static MessageDigest digest(String c2paAlg) throws NoSuchAlgorithmException {
        return switch (c2paAlg.toLowerCase(Locale.ROOT)) {
            case "sha256" -> MessageDigest.getInstance("SHA-256");
            case "sha384" -> MessageDigest.getInstance("SHA-384");
            case "sha512" -> MessageDigest.getInstance("SHA-512");
            default -> throw new NoSuchAlgorithmException(c2paAlg);
        };
    }
}
