package com.memberdirectory.app.support;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

/** Mints the JWTs the tests call the API with: valid ones, and the broken kinds the API must refuse. */
public final class Tokens {

    public static final String SECRET = "integration-tests-secret-of-at-least-32-bytes!";

    private Tokens() {
    }

    public static String valid(String subject) {
        return signed(subject, SECRET, Instant.now().plus(Duration.ofHours(1)), Instant.now());
    }

    public static String signedInLongAgo(String subject) {
        return signed(subject, SECRET, Instant.now().plus(Duration.ofHours(1)), Instant.now().minus(Duration.ofHours(2)));
    }

    public static String expired(String subject) {
        return signed(subject, SECRET, Instant.now().minus(Duration.ofMinutes(10)), Instant.now().minus(Duration.ofHours(1)));
    }

    public static String wrongKey(String subject) {
        return signed(subject, "another-secret-that-is-also-long-enough-123", Instant.now().plus(Duration.ofHours(1)), Instant.now());
    }

    public static String unsigned(String subject) {
        return new PlainJWT(claims(subject, Instant.now().plus(Duration.ofHours(1)), Instant.now())).serialize();
    }

    /** Correctly signed, but without {@code exp}: it would never expire. */
    public static String withoutExpiry(String subject) {
        return signed(new JWTClaimsSet.Builder(claims(subject, Instant.now(), Instant.now())).expirationTime(null).build(), SECRET);
    }

    /** Correctly signed, but without {@code sub}: nobody in particular. */
    public static String withoutSubject() {
        return signed(new JWTClaimsSet.Builder(claims("x", Instant.now().plus(Duration.ofHours(1)), Instant.now()))
                .subject(null).build(), SECRET);
    }

    /** Correctly signed, with {@code sub} as given (blank, say). */
    public static String withSubject(String subject) {
        return signed(subject, SECRET, Instant.now().plus(Duration.ofHours(1)), Instant.now());
    }

    /** Correctly signed, claiming a sign-in {@code ahead} from now. */
    public static String signedInAhead(String subject, Duration ahead) {
        return signed(subject, SECRET, Instant.now().plus(Duration.ofHours(1)), Instant.now().plus(ahead));
    }

    /** Correctly signed, claiming a sign-in ten minutes from now: a recent sign-in for good, if believed. */
    public static String signedInInTheFuture(String subject) {
        return signedInAhead(subject, Duration.ofMinutes(10));
    }

    /** Correctly signed, with {@code auth_time} set to {@code value} as it is (a string, a huge number, ...). */
    public static String withAuthTime(String subject, Object value) {
        return signed(new JWTClaimsSet.Builder(claims(subject, Instant.now().plus(Duration.ofHours(1)), Instant.now()))
                .claim("auth_time", value).build(), SECRET);
    }

    private static String signed(String subject, String secret, Instant expires, Instant authTime) {
        return signed(claims(subject, expires, authTime), secret);
    }

    private static String signed(JWTClaimsSet claims, String secret) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
            jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JWTClaimsSet claims(String subject, Instant expires, Instant authTime) {
        return new JWTClaimsSet.Builder().subject(subject).expirationTime(Date.from(expires))
                .issueTime(Date.from(Instant.now())).claim("auth_time", authTime.getEpochSecond()).build();
    }
}
