package dev.candor.forensics.c2pa;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;

/** The parts of COSE (RFC 9052) a C2PA claim signature needs: Sig_structure encoding and algorithm mapping. */
final class Cose {

    private Cose() {
    }

    /** COSE algorithm ids (IANA registry) that C2PA allows, with their JCA setup. */
    enum Alg {
        ES256(-7, "SHA256withECDSAinP1363Format", "SHA-256"),
        ES384(-35, "SHA384withECDSAinP1363Format", "SHA-384"),
        ES512(-36, "SHA512withECDSAinP1363Format", "SHA-512"),
        PS256(-37, "RSASSA-PSS", "SHA-256"),
        PS384(-38, "RSASSA-PSS", "SHA-384"),
        PS512(-39, "RSASSA-PSS", "SHA-512"),
        ED25519(-8, "Ed25519", null);

        final int id;
        final String jca;
        final String digest;

        Alg(int id, String jca, String digest) {
            this.id = id;
            this.jca = jca;
            this.digest = digest;
        }

        static Alg of(int id) {
            for (Alg a : values()) {
                if (a.id == id) {
                    return a;
                }
            }
            return null;
        }

        Signature verifier(PublicKey key) throws java.security.GeneralSecurityException {
            Signature s = Signature.getInstance(jca);
            if (jca.equals("RSASSA-PSS")) {
                int saltLength = switch (digest) {
                    case "SHA-256" -> 32;
                    case "SHA-384" -> 48;
                    default -> 64;
                };
                s.setParameter(new PSSParameterSpec(digest, "MGF1", new MGF1ParameterSpec(digest), saltLength, 1));
            }
            s.initVerify(key);
            return s;
        }
    }

    /** {@code [context, body_protected, external_aad (empty), payload]} in canonical CBOR (RFC 9052 4.4). */
    static byte[] sigStructure(String context, byte[] protectedHeader, byte[] payload) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0x84);
        byte[] ctx = context.getBytes(StandardCharsets.US_ASCII);
        head(out, 3, ctx.length);
        out.writeBytes(ctx);
        head(out, 2, protectedHeader.length);
        out.writeBytes(protectedHeader);
        head(out, 2, 0);
        head(out, 2, payload.length);
        out.writeBytes(payload);
        return out.toByteArray();
    }

    /** {@code data} encoded as a CBOR byte string. */
    static byte[] byteString(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        head(out, 2, data.length);
        out.writeBytes(data);
        return out.toByteArray();
    }

    private static void head(ByteArrayOutputStream out, int major, long length) {
        int m = major << 5;
        if (length < 24) {
            out.write(m | (int) length);
        } else if (length < 0x100) {
            out.write(m | 24);
            out.write((int) length);
        } else if (length < 0x10000) {
            out.write(m | 25);
            out.write((int) (length >> 8));
            out.write((int) length);
        } else {
            out.write(m | 26);
            for (int shift = 24; shift >= 0; shift -= 8) {
                out.write((int) (length >> shift));
            }
        }
    }
}
