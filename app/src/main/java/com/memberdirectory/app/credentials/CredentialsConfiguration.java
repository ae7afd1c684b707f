package com.memberdirectory.app.credentials;

import com.memberdirectory.command.credentials.LoginPasswords;
import com.memberdirectory.notification.password.PasswordOutbox;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Login passwords: hashed here, kept by the store of the active storage mode, offered to the notification outbox. */
@Configuration(proxyBeanMethods = false)
class CredentialsConfiguration {

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /** Hashes for signing in; a copy for the member's bot goes, sealed, to the notification outbox. */
    @Bean
    LoginPasswords loginPasswords(PasswordEncoder passwordEncoder, HashingLoginPasswords.HashStore hashStore,
                                  PasswordOutbox passwordOutbox) {
        return new OutboxLoginPasswords(new HashingLoginPasswords(passwordEncoder, hashStore), passwordOutbox);
    }
}
