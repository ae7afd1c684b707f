package com.memberdirectory.app.security;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The claims every bearer token must carry, whichever decoder checks it (the embedded default's HS256 one or an
 * identity provider's): {@code exp}, a non-blank {@code sub}, and, when present, an {@code auth_time} that is a
 * number of epoch seconds not in the future. A token that fails them is refused with 401 on every endpoint.
 */
public final class TokenClaims {

    /** How far clocks may drift: for {@code exp}/{@code nbf}, and for an {@code auth_time} ahead of ours. */
    public static final Duration CLOCK_SKEW = Duration.ofSeconds(5);

    static final String AUTH_TIME = "auth_time";

    private TokenClaims() {
    }

    /** Spring Security's validators for the claims above, {@code exp} and {@code nbf} with {@link #CLOCK_SKEW}. */
    static List<OAuth2TokenValidator<Jwt>> validators(Clock clock) {
        JwtTimestampValidator timestamps = new JwtTimestampValidator(CLOCK_SKEW);
        timestamps.setClock(clock);
        return List.of(timestamps,
                new JwtClaimValidator<Instant>(JwtClaimNames.EXP, Objects::nonNull),
                new JwtClaimValidator<String>(JwtClaimNames.SUB, subject -> subject != null && !subject.isBlank()),
                jwt -> authTimeResult(jwt, clock));
    }

    /**
     * The last sign-in, from {@code auth_time}; empty when the token has none. Tokens that got past the validators
     * have a usable one or none.
     */
    public static Optional<Instant> authTime(Jwt jwt) {
        return instant(jwt.getClaims().get(AUTH_TIME));
    }

    private static OAuth2TokenValidatorResult authTimeResult(Jwt jwt, Clock clock) {
        Object claim = jwt.getClaims().get(AUTH_TIME);
        if (claim == null) {
            return OAuth2TokenValidatorResult.success();
        }
        Optional<Instant> signedIn = instant(claim);
        if (signedIn.isEmpty()) {
            return failure("The auth_time claim is not a number of seconds since the epoch");
        }
        if (signedIn.get().isAfter(clock.instant().plus(CLOCK_SKEW))) {
            return failure("The auth_time claim is in the future");
        }
        return OAuth2TokenValidatorResult.success();
    }

    private static Optional<Instant> instant(Object claim) {
        if (claim instanceof Instant instant) {
            return Optional.of(instant);
        }
        if (claim instanceof Number seconds) {
            double value = seconds.doubleValue();
            if (value >= Instant.MIN.getEpochSecond() && value <= Instant.MAX.getEpochSecond()) {
                return Optional.of(Instant.ofEpochSecond(seconds.longValue()));
            }
        }
        return Optional.empty();
    }

    private static OAuth2TokenValidatorResult failure(String description) {
        return OAuth2TokenValidatorResult.failure(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, description, null));
    }
}
