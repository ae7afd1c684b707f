package com.memberdirectory.app.security;

import com.memberdirectory.app.config.DirectoryProperties;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The decoder built for {@code spring.security.oauth2.resourceserver.jwt.issuer-uri} enforces the same claims as
 * the embedded default's HS256 decoder (SecurityApiTest): an identity provider here is a small local HTTP server
 * with an OpenID configuration and an RSA key.
 */
class IssuerDecoderTest {

    private static HttpServer server;
    private static RSAKey key;
    private static String issuer;
    private static JwtDecoder decoder;

    @BeforeAll
    static void identityProvider() throws Exception {
        key = new RSAKeyGenerator(2048).keyID("test-key").generate();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        issuer = "http://127.0.0.1:" + server.getAddress().getPort();
        serve("/.well-known/openid-configuration", "{\"issuer\":\"" + issuer + "\",\"jwks_uri\":\"" + issuer + "/jwks\"}");
        serve("/jwks", new JWKSet(key.toPublicJWK()).toString());
        server.start();
        DirectoryProperties properties = new Binder(new MapConfigurationPropertySource(
                Map.of("directory.security.primary-admin", "admin")))
                .bindOrCreate("directory", DirectoryProperties.class);
        decoder = new SecurityConfiguration().jwtDecoder(properties, issuer);
    }

    @AfterAll
    static void stop() {
        server.stop(0);
    }

    @Test
    void a_complete_token_of_the_issuer_is_accepted() {
        assertThat(decoder.decode(token(claims -> claims)).getSubject()).isEqualTo("alice");
        assertThat(decoder.decode(token(claims -> claims.claim("auth_time", Instant.now().plusSeconds(2).getEpochSecond())))
                .getSubject()).as("a sign-in within the clock skew ahead").isEqualTo("alice");
    }

    @Test
    void tokens_without_exp_or_sub_or_claiming_a_sign_in_in_the_future_are_refused() {
        Map<String, UnaryOperator<JWTClaimsSet.Builder>> broken = Map.of(
                "no exp", claims -> claims.expirationTime(null),
                "no sub", claims -> claims.subject(null),
                "blank sub", claims -> claims.subject(" "),
                "auth_time in the future", claims -> claims.claim("auth_time", Instant.now().plusSeconds(600).getEpochSecond()),
                "auth_time not a number", claims -> claims.claim("auth_time", "yesterday"),
                "auth_time past Instant.MAX", claims -> claims.claim("auth_time", Long.MAX_VALUE),
                "expired beyond the 5 s skew", claims -> claims.expirationTime(Date.from(Instant.now().minusSeconds(30))),
                "another issuer", claims -> claims.issuer("http://elsewhere.example"));
        broken.forEach((kind, change) ->
                assertThatExceptionOfType(JwtException.class).as(kind).isThrownBy(() -> decoder.decode(token(change))));
    }

    private static String token(UnaryOperator<JWTClaimsSet.Builder> change) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(issuer).subject("alice")
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plus(Duration.ofHours(1))))
                .claim("auth_time", now.getEpochSecond());
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                    change.apply(claims).build());
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void serve(String path, String json) {
        server.createContext(path, exchange -> {
            byte[] body = json.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
