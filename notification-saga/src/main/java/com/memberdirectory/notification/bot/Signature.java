package com.memberdirectory.notification.bot;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

/** The {@code X-Directory-Signature} header: {@code sha256=} and the hex HMAC-SHA256 of the exact body bytes. */
public final class Signature {

    public static final String HEADER = "X-Directory-Signature";

    private final byte[] key;

    public Signature(String secret) {
        this.key = secret.getBytes(StandardCharsets.UTF_8);
    }

    public String of(byte[] body) {
        return "sha256=" + HexFormat.of().formatHex(hmacSha256(key, body));
    }

    static byte[] hmacSha256(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
