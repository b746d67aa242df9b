package dev.candor.webhooks.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SigningSecretTest {

    @Test
    void signsTimestampDotBodyWithHmacSha256OfTheWholeSecret() {
        // Expected value computed independently: printf '1780300800.{"a":1}' | openssl dgst -sha256 -hmac 'whsec_test'
        SigningSecret secret = new SigningSecret("whsec_test");
        assertThat(secret.signatureHeader(1780300800L, "{\"a\":1}"))
                .isEqualTo("t=1780300800,v1=8dbd399c3911265fbe11441540f37717a2b3e6b0bb9888654412f6d85dafe66e");
    }

    @Test
    void generatedSecretsAreLongRandomAndNeverPrinted() {
        SigningSecret one = SigningSecret.generate();
        SigningSecret two = SigningSecret.generate();
        assertThat(one.value()).startsWith("whsec_").hasSize("whsec_".length() + 43);
        assertThat(one).isNotEqualTo(two);
        assertThat(one.toString()).doesNotContain(one.value().substring(6));
    }
}
