package com.memberdirectory.app.config;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** {@link DirectoryProperties} bound and validated as at start, with only the required primary admin set. */
final class DirectoryPropertiesRunner {

    private DirectoryPropertiesRunner() {
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(DirectoryProperties.class)
    static class Properties {
    }

    static ApplicationContextRunner create() {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
                .withUserConfiguration(Properties.class)
                .withPropertyValues("directory.security.primary-admin=admin");
    }
}
