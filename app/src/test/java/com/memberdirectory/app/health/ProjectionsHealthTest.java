package com.memberdirectory.app.health;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

class ProjectionsHealthTest {

    @Test
    void the_service_is_ready_once_every_processor_has_caught_up() {
        assertThat(health(processor(true, true)).getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void a_processor_still_catching_up_after_a_restart_keeps_the_service_out_of_rotation() {
        Health health = health(processor(true, false));
        assertThat(health.getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
        assertThat(health.getDetails()).containsKey("members");
    }

    @Test
    void a_stopped_processor_is_not_ready() {
        assertThat(health(processor(false, true)).getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
    }

    @Test
    void once_caught_up_after_the_start_it_stays_ready() {
        EventProcessingConfiguration processing = mock(EventProcessingConfiguration.class);
        StreamingEventProcessor members = processor(true, true);
        when(processing.eventProcessors()).thenReturn(Map.of("members", members));
        ProjectionsHealth health = new ProjectionsHealth(processing);
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
        when(members.isRunning()).thenReturn(false);
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
    }

    private static Health health(EventProcessor members) {
        EventProcessingConfiguration processing = mock(EventProcessingConfiguration.class);
        EventProcessor imports = processor(false, false);
        when(processing.eventProcessors()).thenReturn(Map.of("members", members, "imports", imports));
        return new ProjectionsHealth(processing).health();
    }

    private static StreamingEventProcessor processor(boolean running, boolean caughtUp) {
        StreamingEventProcessor processor = mock(StreamingEventProcessor.class);
        EventTrackerStatus segment = mock(EventTrackerStatus.class);
        when(segment.isCaughtUp()).thenReturn(caughtUp);
        when(processor.isRunning()).thenReturn(running);
        when(processor.processingStatus()).thenReturn(Map.of(0, segment));
        return processor;
    }
}
