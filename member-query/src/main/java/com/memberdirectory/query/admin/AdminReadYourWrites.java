package com.memberdirectory.query.admin;

import com.memberdirectory.query.support.DeadLetteredSequences;
import com.memberdirectory.query.support.ProcessingGroups;
import com.memberdirectory.query.support.ProjectionWaiters;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The read-your-writes waiters of the {@code admins} read model. */
@Configuration(proxyBeanMethods = false)
class AdminReadYourWrites {

    @Bean
    ProjectionWaiters<AdminDocument> adminWaiters(DeadLetteredSequences deadLetters) {
        return new ProjectionWaiters<>("admins", ProcessingGroups.DIRECTORY, deadLetters);
    }
}
