package com.memberdirectory.app.credentials;

import com.memberdirectory.app.config.DirectoryProperties;
import com.memberdirectory.command.credentials.LoginPasswords;
import com.memberdirectory.notification.password.PasswordOutbox;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Login passwords: hashed here, kept by the store of the active storage mode, offered to the notification outbox. */
@Configuration(proxyBeanMethods = false)
class CredentialsConfiguration {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(CredentialsConfiguration.class);

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /**
     * Key for secrets kept encrypted (generated passwords awaiting hand-over): {@code directory.security.encryption-key},
     * else derived from the JWT secret; with neither, a random key for this run only (logged as a warning).
     */
    @Bean
    SecretBox secretBox(DirectoryProperties properties) {
        String material = properties.security().encryptionKey() != null ? properties.security().encryptionKey()
                : properties.security().jwtSecret();
        if (material == null) {
            log.warn("No directory.security.encryption-key: generated passwords waiting for download are lost on restart");
            byte[] random = new byte[32];
            new java.security.SecureRandom().nextBytes(random);
            return new SecretBox(random, "directory-secrets");
        }
        return new SecretBox(material.getBytes(java.nio.charset.StandardCharsets.UTF_8), "directory-secrets");
    }

    /** Hashes for signing in; a copy for the member's bot goes, sealed, to the notification outbox. */
    @Bean
    LoginPasswords loginPasswords(PasswordEncoder passwordEncoder, HashingLoginPasswords.HashStore hashStore,
                                  PasswordOutbox passwordOutbox) {
        return new OutboxLoginPasswords(new HashingLoginPasswords(passwordEncoder, hashStore), passwordOutbox);
    }
}
