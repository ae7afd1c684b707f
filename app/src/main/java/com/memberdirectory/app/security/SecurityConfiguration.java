package com.memberdirectory.app.security;

import org.springframework.http.HttpMethod;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import com.memberdirectory.app.config.DirectoryProperties;
import com.memberdirectory.app.http.ProblemWriter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.autoconfigure.security.servlet.EndpointRequest;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.info.InfoEndpoint;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoders;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.util.StringUtils;

import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * OAuth2 resource server: every {@code /api} call needs a bearer JWT. On the embedded default the tokens are
 * HS256-signed with {@code directory.security.jwt-secret}; with an identity provider,
 * {@code spring.security.oauth2.resourceserver.jwt.issuer-uri} is used instead. Both decoders check the same
 * claims ({@link TokenClaims}). Health and info are public; the other actuator endpoints (metrics, prometheus, ...)
 * need the token of the primary admin or of a subject in {@code directory.security.operators}.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    static final int MINIMUM_SECRET_BYTES = 32;

    @Bean
    SecurityFilterChain api(HttpSecurity http, ProblemWriter problems, DirectoryProperties properties,
                            AdminAccess access) throws Exception {
        Set<String> operators = properties.security().operatorSubjects();
        RequestMatcher operational = EndpointRequest.toAnyEndpoint();
        // Checked here, before the servlet reads a multipart body or a photo: a caller who may write nobody is
        // refused without the service reading up to 50 MiB first (the command still decides for each member).
        RequestMatcher uploads = new OrRequestMatcher(
                PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/api/imports"),
                PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.PUT, "/api/members/*/photo"));
        return http
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(EndpointRequest.to(HealthEndpoint.class, InfoEndpoint.class)).permitAll()
                        // Every other actuator endpoint (metrics, prometheus, the /actuator index, ...) is for operators.
                        .requestMatchers(operational).access((authentication, context) -> new AuthorizationDecision(
                                authentication.get() instanceof JwtAuthenticationToken jwt && operators.contains(jwt.getName())))
                        .requestMatchers(uploads).access((authentication, context) -> new AuthorizationDecision(
                                authentication.get() instanceof JwtAuthenticationToken jwt
                                        && access.hasMemberPermission(jwt.getName())))
                        .requestMatchers("/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html").permitAll()
                        .requestMatchers("/error").permitAll()
                        .anyRequest().authenticated())
                .oauth2ResourceServer(oauth -> oauth
                        .jwt(jwt -> { })
                        .authenticationEntryPoint((request, response, e) -> {
                            response.setHeader("WWW-Authenticate", "Bearer");
                            problems.write(response, HttpStatus.UNAUTHORIZED, "unauthorized",
                                    "A valid bearer token is required: " + e.getMessage());
                        })
                        .accessDeniedHandler((request, response, e) ->
                                problems.write(response, HttpStatus.FORBIDDEN, "forbidden", operational.matches(request)
                                        ? "Operational endpoints are for the primary admin and directory.security.operators."
                                        : uploads.matches(request) ? "This needs the MEMBER_AND_DEPARTMENT permission."
                                        : e.getMessage())))
                .exceptionHandling(ex -> ex
                        .authenticationEntryPoint((request, response, e) -> {
                            response.setHeader("WWW-Authenticate", "Bearer");
                            problems.write(response, HttpStatus.UNAUTHORIZED, "unauthorized", "A bearer token is required.");
                        }))
                .build();
    }

    /**
     * No Spring Security observations. {@code management.observations.enable.spring.security: false} already
     * turns them into no-ops, but Spring Security still wraps every filter of every request in an observing
     * decorator unless told so here; request timings stay in {@code http.server.requests}.
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    JwtDecoder jwtDecoder(DirectoryProperties properties,
                          @Value("${spring.security.oauth2.resourceserver.jwt.issuer-uri:}") String issuerUri) {
        if (StringUtils.hasText(issuerUri)) {
            if (!(JwtDecoders.fromIssuerLocation(issuerUri) instanceof NimbusJwtDecoder decoder)) {
                throw new IllegalStateException("Expected a NimbusJwtDecoder for " + issuerUri + " to add the claim checks to");
            }
            decoder.setJwtValidator(JwtValidators.createDefaultWithValidators(withRequiredClaims(new JwtIssuerValidator(issuerUri))));
            return decoder;
        }
        String secret = properties.security().jwtSecret();
        if (secret == null || secret.getBytes(StandardCharsets.UTF_8).length < MINIMUM_SECRET_BYTES) {
            throw new IllegalStateException("Set directory.security.jwt-secret to at least " + MINIMUM_SECRET_BYTES
                    + " bytes (or spring.security.oauth2.resourceserver.jwt.issuer-uri for an identity provider)");
        }
        NimbusJwtDecoder decoder = NimbusJwtDecoder
                .withSecretKey(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"))
                .macAlgorithm(MacAlgorithm.HS256)
                .build();
        decoder.setJwtValidator(JwtValidators.createDefaultWithValidators(withRequiredClaims()));
        return decoder;
    }

    /**
     * {@link TokenClaims}: exp and sub required, auth_time sane; expired means expired (a few seconds for clocks that
     * drift, not Spring's default minute). Spring adds its other default checks to these.
     */
    @SafeVarargs
    private static List<OAuth2TokenValidator<Jwt>> withRequiredClaims(OAuth2TokenValidator<Jwt>... more) {
        List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>(TokenClaims.validators(Clock.systemUTC()));
        validators.addAll(List.of(more));
        return validators;
    }
}
