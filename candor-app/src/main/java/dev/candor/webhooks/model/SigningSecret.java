package dev.candor.webhooks.model;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A subscription's signing secret. The HMAC key is the UTF-8 bytes of the whole secret text, prefix
 * included, so a receiver can use the string it was shown as it is.
 */
public record SigningSecret(String value) {

    private static final String PREFIX = "whsec_";
    private static final SecureRandom RANDOM = new SecureRandom();

    public SigningSecret {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("a signing secret must not be blank");
        }
    }

    /** A new secret with 256 random bits. */
    public static SigningSecret generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return new SigningSecret(PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    /**
     * The {@code Candor-Signature} header value for a body sent at the given time:
     * {@code t=<unix seconds>,v1=<hex HMAC-SHA256(secret, t + "." + body)>}.
     */
    public String signatureHeader(long unixSeconds, String body) {
        return "t=" + unixSeconds + ",v1=" + hmacHex(unixSeconds + "." + body);
    }

    private String hmacHex(String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(value.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /** Never prints the secret. */
    @Override
    public String toString() {
        return "SigningSecret[***]";
    }
}
