package com.memberdirectory.app;

import org.axonframework.springboot.autoconfig.AxonDbSchedulerAutoConfiguration;
import org.axonframework.springboot.autoconfig.XStreamAutoConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Assembles the write side, the read side and the saga into one service. The data source is wired by the
 * storage configuration of the chosen mode, never guessed from the classpath; so is the deadline manager of
 * notification deliveries (Axon's db-scheduler auto-configuration would add an event scheduler nobody uses).
 * Scheduling is on for housekeeping such as the sweep of photos no member's history names. Events, messages, sagas
 * and tokens all use one Jackson serializer ({@code AxonConfiguration}), so Axon's XStream auto-configuration, which
 * would build an XStream instance nobody uses (a fifth of a second of every start), is left out too.
 */
@SpringBootApplication(scanBasePackages = "com.memberdirectory",
        exclude = {DataSourceAutoConfiguration.class, AxonDbSchedulerAutoConfiguration.class,
                XStreamAutoConfiguration.class})
@ConfigurationPropertiesScan("com.memberdirectory.app")
@EnableScheduling
public class MemberDirectoryApplication {

    public static void main(String[] args) {
        // Axon's usage reporting phones home at start; a directory service has no business doing that.
        if (System.getProperty("axoniq.update-checker.disabled") == null) {
            System.setProperty("axoniq.update-checker.disabled", "true");
        }
        // Nor does it use AxonIQ Console, whose advertisement Axon would print at every start.
        if (System.getProperty("disable-axoniq-console-message") == null) {
            System.setProperty("disable-axoniq-console-message", "true");
        }
        SpringApplication.run(MemberDirectoryApplication.class, args);
    }
}
