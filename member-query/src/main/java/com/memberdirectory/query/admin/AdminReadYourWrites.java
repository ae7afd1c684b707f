package com.memberdirectory.query.admin;

import com.memberdirectory.query.support.ProjectionWaiters;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The read-your-writes waiters of the {@code admins} read model. */
@Configuration(proxyBeanMethods = false)
class AdminReadYourWrites {

    @Bean
    ProjectionWaiters<AdminDocument> adminWaiters() {
        return new ProjectionWaiters<>("admins");
    }
}
