package com.memberdirectory.query.department;

import com.memberdirectory.kernel.department.DepartmentView;
import com.memberdirectory.query.support.DeadLetteredSequences;
import com.memberdirectory.query.support.ProcessingGroups;
import com.memberdirectory.query.support.ProjectionWaiters;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The read-your-writes waiters of the {@code departments} read model. */
@Configuration(proxyBeanMethods = false)
class DepartmentReadYourWrites {

    @Bean
    ProjectionWaiters<DepartmentView> departmentWaiters(DeadLetteredSequences deadLetters) {
        return new ProjectionWaiters<>("departments", ProcessingGroups.DIRECTORY, deadLetters);
    }
}
