package com.memberdirectory.app.config;

import com.memberdirectory.query.member.AsOfLimits;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The read side's share of {@code directory.reads}. */
@Configuration(proxyBeanMethods = false)
class ReadLimitsConfiguration {

    @Bean
    AsOfLimits asOfLimits(DirectoryProperties properties) {
        return new AsOfLimits(properties.reads().asOfMaxMembers(), properties.reads().asOfMaxDuration());
    }
}
