package com.memberdirectory.app.config;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class SecurityPropertiesTest {

    private final ApplicationContextRunner runner = DirectoryPropertiesRunner.create();

    @Test
    void without_operators_only_the_primary_admin_reads_the_operational_endpoints() {
        runner.run(context -> assertThat(context.getBean(DirectoryProperties.class).security().operatorSubjects())
                .containsExactly("admin"));
    }

    @Test
    void listed_operators_join_the_primary_admin() {
        runner.withPropertyValues("directory.security.operators=prometheus, ops-robot")
                .run(context -> assertThat(context.getBean(DirectoryProperties.class).security().operatorSubjects())
                        .containsExactlyInAnyOrder("admin", "prometheus", "ops-robot"));
    }

    @Test
    void a_blank_operator_is_refused_at_start() {
        runner.withPropertyValues("directory.security.operators[0]=ops-robot", "directory.security.operators[1]= ")
                .run(context -> assertThat(context).hasFailed()
                        .getFailure().hasStackTraceContaining("directory.security.operators"));
    }
}
