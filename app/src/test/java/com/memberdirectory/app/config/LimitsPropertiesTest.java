package com.memberdirectory.app.config;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.util.unit.DataSize;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The documented defaults of directory.imports, directory.requests and directory.reads (docs/limits.md). */
class LimitsPropertiesTest {

    private final ApplicationContextRunner runner = DirectoryPropertiesRunner.create();

    @Test
    void the_defaults_are_the_documented_ones() {
        runner.run(context -> {
            DirectoryProperties properties = context.getBean(DirectoryProperties.class);
            assertThat(properties.imports().maxUnfinishedPerAdmin()).isEqualTo(3);
            assertThat(properties.imports().maxUnfinished()).isEqualTo(12);
            assertThat(properties.requests().maxBodyReaders()).isEqualTo(40);
            assertThat(properties.requests().minimumBodyRate()).isEqualTo(DataSize.ofKilobytes(32));
            assertThat(properties.requests().bodyGrace()).isEqualTo(Duration.ofSeconds(10));
            assertThat(properties.requests().maxBody()).isEqualTo(DataSize.ofMegabytes(10));
            assertThat(properties.reads().concurrentAsOf()).isEqualTo(2);
            assertThat(properties.reads().asOfMaxMembers()).isEqualTo(100_000);
            assertThat(properties.reads().asOfMaxDuration()).isEqualTo(Duration.ofSeconds(60));
            assertThat(properties.reads().concurrentChangeListExports()).isEqualTo(4);
            assertThat(properties.reads().changeListExportMaxRows()).isEqualTo(100_000);
        });
    }

    @Test
    void zero_places_or_a_zero_rate_are_refused_at_start() {
        runner.withPropertyValues("directory.imports.max-unfinished=0")
                .run(context -> assertThat(context).hasFailed());
        runner.withPropertyValues("directory.requests.minimum-body-rate=0B")
                .run(context -> assertThat(context).hasFailed()
                        .getFailure().hasStackTraceContaining("directory.requests.minimum-body-rate"));
        runner.withPropertyValues("directory.reads.as-of-max-duration=PT0S")
                .run(context -> assertThat(context).hasFailed()
                        .getFailure().hasStackTraceContaining("directory.reads.as-of-max-duration"));
    }
}
