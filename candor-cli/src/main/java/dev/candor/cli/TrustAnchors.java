package dev.candor.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

/** Reads a PEM (or DER) bundle of X.509 root certificates. */
final class TrustAnchors {

    private TrustAnchors() {
    }

    static List<X509Certificate> read(Path file) throws IOException, CertificateException {
        try (InputStream in = Files.newInputStream(file)) {
            List<X509Certificate> anchors = new ArrayList<>();
            for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                anchors.add((X509Certificate) c);
            }
            if (anchors.isEmpty()) {
                throw new CertificateException("no certificate in the file");
            }
            return anchors;
        }
    }
}
