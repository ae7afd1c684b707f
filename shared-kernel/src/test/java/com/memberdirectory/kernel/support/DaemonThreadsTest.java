package com.memberdirectory.kernel.support;

import org.junit.jupiter.api.Test;

import java.util.concurrent.ThreadFactory;

import static org.assertj.core.api.Assertions.assertThat;

class DaemonThreadsTest {

    @Test
    void threads_never_keep_the_jvm_alive_and_are_named_after_their_pool() {
        ThreadFactory threads = DaemonThreads.daemonThreads("export");
        Thread first = threads.newThread(() -> { });
        Thread second = threads.newThread(() -> { });
        assertThat(first.isDaemon()).isTrue();
        assertThat(second.isDaemon()).isTrue();
        assertThat(first.getName()).isEqualTo("export");
        assertThat(second.getName()).isEqualTo("export-2");
    }
}
