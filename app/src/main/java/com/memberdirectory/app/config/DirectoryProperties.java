package com.memberdirectory.app.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.nio.file.Path;
import java.util.List;

/** Everything under {@code directory.}; validated at start so a bad configuration fails fast. */
@Validated
@ConfigurationProperties("directory")
public record DirectoryProperties(@Valid @NotNull @DefaultValue EmbeddedStore embeddedStore,
                                  @Valid @NotNull @DefaultValue Security security,
                                  @DefaultValue List<String> businessMailDomains,
                                  @NotBlank @DefaultValue("CN") String defaultPhoneRegion) {

    /** The embedded default's files. */
    public record EmbeddedStore(@NotNull @DefaultValue("./data") Path path) {
    }

    /**
     * @param jwtSecret    HS256 secret of the embedded default (at least 32 bytes); not needed with an issuer URI
     * @param primaryAdmin subject of the primary administrator
     * @param encryptionKey key material for secrets stored encrypted (defaults to one derived from jwtSecret)
     */
    public record Security(String jwtSecret, @NotBlank(message = "set directory.security.primary-admin") String primaryAdmin,
                           String encryptionKey) {
    }
}
