package com.memberdirectory.query.department;

import com.memberdirectory.kernel.department.DepartmentView;
import com.memberdirectory.query.support.ProjectionWaiters;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The read-your-writes waiters of the {@code departments} read model. */
@Configuration(proxyBeanMethods = false)
class DepartmentReadYourWrites {

    @Bean
    ProjectionWaiters<DepartmentView> departmentWaiters() {
        return new ProjectionWaiters<>("departments");
    }
}
