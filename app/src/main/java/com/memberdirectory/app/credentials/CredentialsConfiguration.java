package com.memberdirectory.app.credentials;

import com.memberdirectory.command.credentials.LoginPasswords;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Login passwords: hashed here, kept by the store of the active storage mode. */
@Configuration(proxyBeanMethods = false)
class CredentialsConfiguration {

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    LoginPasswords loginPasswords(PasswordEncoder passwordEncoder, HashingLoginPasswords.HashStore hashStore) {
        return new HashingLoginPasswords(passwordEncoder, hashStore);
    }
}
