package dev.candor.forensics.c2pa;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every COSE algorithm C2PA allows verifies a signature made the way RFC 9053 (ECDSA: raw r||s, curve per hash)
 * and RFC 8230 (PSS: MGF1 with the same hash, salt as long as the hash) define it, and rejects a changed claim.
 */
class CoseTest {

    @ParameterizedTest
    @CsvSource({
            "-7, EC, secp256r1, SHA256withECDSAinP1363Format, , 0",
            "-35, EC, secp384r1, SHA384withECDSAinP1363Format, , 0",
            "-36, EC, secp521r1, SHA512withECDSAinP1363Format, , 0",
            "-37, RSA, 2048, RSASSA-PSS, SHA-256, 32",
            "-38, RSA, 2048, RSASSA-PSS, SHA-384, 48",
            "-39, RSA, 2048, RSASSA-PSS, SHA-512, 64",
            "-8, Ed25519, , Ed25519, , 0"})
    void verifiesEachC2paAlgorithm(int coseId, String keyType, String keyParam, String jca, String pssHash, int salt)
            throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance(keyType);
        if (keyType.equals("EC")) {
            generator.initialize(new ECGenParameterSpec(keyParam));
        } else if (keyType.equals("RSA")) {
            generator.initialize(Integer.parseInt(keyParam));
        }
        KeyPair keys = generator.generateKeyPair();
        byte[] protectedHeader = {(byte) 0xA1, 0x01, 0x26};
        byte[] claim = "claim bytes".getBytes();
        byte[] toBeSigned = Cose.sigStructure("Signature1", protectedHeader, claim);
        Signature signer = Signature.getInstance(jca);
        if (pssHash != null) {
            signer.setParameter(new PSSParameterSpec(pssHash, "MGF1", new MGF1ParameterSpec(pssHash), salt, 1));
        }
        signer.initSign(keys.getPrivate());
        signer.update(toBeSigned);
        byte[] signature = signer.sign();

        Cose.Alg alg = Cose.Alg.of(coseId);
        Signature verifier = alg.verifier(keys.getPublic());
        verifier.update(toBeSigned);
        Signature tampered = alg.verifier(keys.getPublic());
        tampered.update(Cose.sigStructure("Signature1", protectedHeader, "claim bytez".getBytes()));

        assertThat(verifier.verify(signature)).isTrue();
        assertThat(tampered.verify(signature)).isFalse();
    }
}
