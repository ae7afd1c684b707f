package com.memberdirectory.query.importing;

import com.memberdirectory.query.support.DeadLetteredSequences;
import com.memberdirectory.query.support.ProcessingGroups;
import com.memberdirectory.query.support.ProjectionWaiters;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The read-your-writes waiters of the import history. */
@Configuration(proxyBeanMethods = false)
class ImportReadYourWrites {

    @Bean
    ProjectionWaiters<ImportDocument> importWaiters(DeadLetteredSequences deadLetters) {
        return new ProjectionWaiters<>("imports", ProcessingGroups.DIRECTORY, deadLetters);
    }
}
