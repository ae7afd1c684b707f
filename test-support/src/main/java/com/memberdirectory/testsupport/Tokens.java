package com.memberdirectory.testsupport;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one minter of the HS256 JWTs the service accepts with {@code directory.security.jwt-secret}: valid ones for
 * the tests, the benchmarks and a person trying the API, and the broken kinds the API must refuse.
 * <p>
 * It uses the JDK alone, so that it also runs as a single-file program without a build:
 * {@code java test-support/src/main/java/com/memberdirectory/testsupport/Tokens.java <subject> <secret> [ttlSeconds]}
 * prints a token with {@code sub}, {@code iat}, {@code auth_time} (a sign-in now: the service asks for a recent one
 * before some changes) and {@code exp}.
 */
public final class Tokens {

    /** The secret of the service processes the tests and benchmarks start ({@link ServerProcess}). */
    public static final String SECRET = "integration-tests-secret-of-at-least-32-bytes!";

    private static final Duration HOUR = Duration.ofHours(1);
    private static final String HS256 = "{\"alg\":\"HS256\",\"typ\":\"JWT\"}";
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private Tokens() {
    }

    public static void main(String[] args) {
        if (args.length < 2 || args.length > 3) {
            System.err.println("usage: java test-support/src/main/java/com/memberdirectory/testsupport/Tokens.java"
                    + " <subject> <secret> [ttlSeconds, default 3600]");
            System.exit(2);
        }
        long ttl = args.length > 2 ? Long.parseLong(args[2]) : HOUR.toSeconds();
        System.out.println(hs256(args[0], args[1], Duration.ofSeconds(ttl)));
    }

    /** Signed with {@code secret}, valid for {@code ttl}, signed in now. */
    public static String hs256(String subject, String secret, Duration ttl) {
        Instant now = Instant.now();
        return signed(claims(subject, now.plus(ttl), now), secret);
    }

    /** Valid for an hour under {@link #SECRET}. */
    public static String valid(String subject) {
        return hs256(subject, SECRET, HOUR);
    }

    /** Valid for an hour under {@code secret}: for a service started with a secret of its own. */
    public static String valid(String subject, String secret) {
        return hs256(subject, secret, HOUR);
    }

    public static String signedInLongAgo(String subject) {
        return signed(claims(subject, Instant.now().plus(HOUR), Instant.now().minus(Duration.ofHours(2))), SECRET);
    }

    public static String expired(String subject) {
        return signed(claims(subject, Instant.now().minus(Duration.ofMinutes(10)), Instant.now().minus(HOUR)), SECRET);
    }

    public static String wrongKey(String subject) {
        return hs256(subject, "another-secret-that-is-also-long-enough-123", HOUR);
    }

    /** {@code "alg": "none"} and no signature. */
    public static String unsigned(String subject) {
        return encode("{\"alg\":\"none\"}") + "." + encode(json(claims(subject, Instant.now().plus(HOUR), Instant.now())))
                + ".";
    }

    /** Correctly signed, but without {@code exp}: it would never expire. */
    public static String withoutExpiry(String subject) {
        Map<String, Object> claims = claims(subject, Instant.now(), Instant.now());
        claims.remove("exp");
        return signed(claims, SECRET);
    }

    /** Correctly signed, but without {@code sub}: nobody in particular. */
    public static String withoutSubject() {
        Map<String, Object> claims = claims("x", Instant.now().plus(HOUR), Instant.now());
        claims.remove("sub");
        return signed(claims, SECRET);
    }

    /** Correctly signed, with {@code sub} as given (blank, say). */
    public static String withSubject(String subject) {
        return valid(subject);
    }

    /** Correctly signed, claiming a sign-in {@code ahead} from now. */
    public static String signedInAhead(String subject, Duration ahead) {
        return signed(claims(subject, Instant.now().plus(HOUR), Instant.now().plus(ahead)), SECRET);
    }

    /** Correctly signed, claiming a sign-in ten minutes from now: a recent sign-in for good, if believed. */
    public static String signedInInTheFuture(String subject) {
        return signedInAhead(subject, Duration.ofMinutes(10));
    }

    /** Correctly signed, with {@code auth_time} set to {@code value} as it is (a string, a huge number, a map...). */
    public static String withAuthTime(String subject, Object value) {
        Map<String, Object> claims = claims(subject, Instant.now().plus(HOUR), Instant.now());
        claims.put("auth_time", value);
        return signed(claims, SECRET);
    }

    /** Any claims, signed with HS256 under {@code secret}. */
    public static String signed(Map<String, ?> claims, String secret) {
        String signingInput = encode(HS256) + "." + encode(json(claims));
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return signingInput + "." + BASE64URL.encodeToString(mac.doFinal(signingInput.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private static Map<String, Object> claims(String subject, Instant expires, Instant authTime) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("sub", subject);
        claims.put("iat", Instant.now().getEpochSecond());
        claims.put("auth_time", authTime.getEpochSecond());
        claims.put("exp", expires.getEpochSecond());
        return claims;
    }

    private static String encode(String json) {
        return BASE64URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    /** JSON of claim values: strings, numbers, booleans, null and maps of them (no JSON library: see above). */
    static String json(Object value) {
        if (value == null || value instanceof Number || value instanceof Boolean) {
            return String.valueOf(value);
        }
        if (value instanceof Map<?, ?> map) {
            StringBuilder object = new StringBuilder("{");
            for (Iterator<? extends Map.Entry<?, ?>> entries = map.entrySet().iterator(); entries.hasNext(); ) {
                Map.Entry<?, ?> entry = entries.next();
                object.append(json(String.valueOf(entry.getKey()))).append(':').append(json(entry.getValue()));
                object.append(entries.hasNext() ? "," : "");
            }
            return object.append('}').toString();
        }
        StringBuilder string = new StringBuilder("\"");
        for (char c : value.toString().toCharArray()) {
            if (c == '"' || c == '\\') {
                string.append('\\').append(c);
            } else if (c < 0x20) {
                string.append(String.format("\\u%04x", (int) c));
            } else {
                string.append(c);
            }
        }
        return string.append('"').toString();
    }
}
