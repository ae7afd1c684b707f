package com.memberdirectory.app.health;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

import com.memberdirectory.query.support.ProcessingGroups;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Ready only once every read-model processor has caught up with the events that were stored when it started: after
 * a restart on a rebuilt or stale read model the lists would otherwise serve old versions while the service said
 * UP. OUT_OF_SERVICE until then (part of the readiness group, so a load balancer waits); a processor that caught
 * up once stays caught up while new events keep arriving, and once every read model has caught up after the start
 * this stays UP, so heavy writes and retried batches do not flap it. Only the segments this
 * instance holds count: with several instances on one MongoDB, another instance answers for the others.
 */
@Component("projections")
class ProjectionsHealth implements HealthIndicator {

    static final Set<String> READ_MODELS = Set.of(ProcessingGroups.MEMBERS, ProcessingGroups.DIRECTORY);

    private final EventProcessingConfiguration processing;
    /**
     * A start-up gate: once caught up, a processor that falls behind again (a failing batch restarts its worker)
     * is reported by the dead letters and the lag metrics, not by taking the instance out of rotation.
     */
    private volatile boolean caughtUpOnce;

    ProjectionsHealth(EventProcessingConfiguration processing) {
        this.processing = processing;
    }

    @Override
    public Health health() {
        if (caughtUpOnce) {
            return Health.up().build();
        }
        Map<String, String> behind = new TreeMap<>();
        processing.eventProcessors().forEach((name, processor) -> {
            // The read models the lists and views answer from; the import runner and the saga are not read models.
            if (READ_MODELS.contains(name) && processor instanceof StreamingEventProcessor streaming) {
                Map<Integer, EventTrackerStatus> segments = streaming.processingStatus();
                if (!streaming.isRunning()) {
                    behind.put(name, "not running");
                } else if (segments.values().stream().anyMatch(s -> !s.isCaughtUp())) {
                    behind.put(name, "catching up with the stored events");
                }
            }
        });
        if (!behind.isEmpty()) {
            return Health.outOfService().withDetails(behind).build();
        }
        caughtUpOnce = true;
        return Health.up().build();
    }
}
