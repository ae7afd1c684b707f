package com.memberdirectory.query.field;

import com.memberdirectory.query.support.DeadLetteredSequences;
import com.memberdirectory.query.support.ProcessingGroups;
import com.memberdirectory.query.support.ProjectionWaiters;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The read-your-writes waiters of the {@code fields} read model. */
@Configuration(proxyBeanMethods = false)
class FieldReadYourWrites {

    @Bean
    ProjectionWaiters<CatalogPosition> fieldWaiters(DeadLetteredSequences deadLetters) {
        return new ProjectionWaiters<>("fields", ProcessingGroups.DIRECTORY, deadLetters);
    }
}
