package com.memberdirectory.app.deadletter;

import com.memberdirectory.query.support.DeadLetteredSequences;
import com.memberdirectory.query.support.DocumentBatch;
import com.memberdirectory.query.support.ProcessingGroups;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.ErrorHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.EnqueuePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static com.memberdirectory.kernel.support.DaemonThreads.daemonThreads;

/**
 * No event stops a projection: every read-side processor ({@link ProcessingGroups#ALL}) puts an event its handlers
 * fail on into a stored, sequenced dead-letter queue (sequenced per aggregate, so only that entry's later events
 * wait behind it) and goes on with the others.
 * <ul>
 *     <li>A handler that throws: the event is dead-lettered at once, never retried by the processor.</li>
 *     <li>A batch whose documents cannot be written (the bulk write at the end of the batch fails): the processor
 *     tries the batch again once (Axon's back-off), writing each event's documents as it is handled, so the event
 *     whose document cannot be stored fails in its own handler and is dead-lettered (see {@link DocumentBatch}).</li>
 *     <li>If the dead-letter queue itself cannot be written, the batch fails and is tried again (storage outage).</li>
 * </ul>
 * Dead letters are kept until an administrator retries or evicts them ({@code /api/admin/dead-letters}); a retry
 * that fails again keeps the letter and counts the retry in its diagnostics. The import processor and the
 * notification saga are not dead-lettered: see {@code docs/operations}.
 */
@Configuration(proxyBeanMethods = false)
class DeadLetterConfiguration {

    static final Status DEGRADED = new Status("DEGRADED",
            "Events wait in a dead-letter queue; the read models do not reflect them (see /api/admin/dead-letters)");
    private static final int CAUSE_LENGTH = 1000;
    private static final Logger log = LoggerFactory.getLogger(DeadLetterConfiguration.class);

    /** First failure: dead-lettered; a failed retry: kept, with the retry counted. Never evicted by itself. */
    static EnqueuePolicy<EventMessage<?>> policy() {
        return (letter, cause) -> {
            Throwable truncated = truncated(cause);
            Object retries = letter.diagnostics().get(DeadLetters.RETRIES);
            if (retries == null) {
                return Decisions.enqueue(truncated, l -> MetaData.with(DeadLetters.RETRIES, 0));
            }
            long count = retries instanceof Number n ? n.longValue() + 1 : 1;
            return Decisions.requeue(truncated, l -> l.diagnostics().and(DeadLetters.RETRIES, count));
        };
    }

    private static Throwable truncated(Throwable cause) {
        String message = String.valueOf(cause.getMessage());
        if (message.length() <= CAUSE_LENGTH) {
            return cause;
        }
        return new RuntimeException(cause.getClass().getName() + ": " + message.substring(0, CAUSE_LENGTH) + "…");
    }

    /** A failed batch: its events are handled document by document when it is tried again (see the class). */
    static ErrorHandler isolatingErrorHandler() {
        return context -> {
            log.warn("Processor '{}' failed to store a batch of {} events ({}); trying them again one document at a time",
                    context.eventProcessor(), context.failedEvents().size(), context.error().toString());
            DocumentBatch.isolate(context.failedEvents());
            PropagatingErrorHandler.instance().handleError(context);
        };
    }

    @Bean
    ConfigurerModule projectionDeadLetters(DeadLetterQueueFactory queues, DeadLetteredSequences sequences) {
        return configurer -> ProcessingGroups.ALL.forEach(group -> configurer.eventProcessing()
                .registerDeadLetterQueue(group, c -> new ObservedDeadLetterQueue(group, queues.queueFor(group), sequences))
                .registerDeadLetterPolicy(group, c -> policy())
                .registerDeadLetteringEventHandlerInvokerConfiguration(group,
                        (c, builder) -> builder.enableSequenceIdentifierCache())
                // the dead-lettering invoker must see the handler's exception
                .registerListenerInvocationErrorHandler(group, c -> PropagatingErrorHandler.instance())
                .registerErrorHandler(group, c -> isolatingErrorHandler()));
    }

    @Bean
    DeadLetters deadLetters(org.axonframework.config.Configuration axon, DeadLetteredSequences sequences) {
        return new DeadLetters(axon, sequences);
    }

    /** The stored queues are read again every few seconds: letters of other instances, retries and evictions. */
    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService deadLetterRefresh() {
        return Executors.newSingleThreadScheduledExecutor(daemonThreads("dead-letter-refresh"));
    }

    @EventListener(ApplicationReadyEvent.class)
    void startRefresh(ApplicationReadyEvent ready) {
        DeadLetters deadLetters = ready.getApplicationContext().getBean(DeadLetters.class);
        ScheduledExecutorService refresh = ready.getApplicationContext().getBean("deadLetterRefresh", ScheduledExecutorService.class);
        refresh.scheduleWithFixedDelay(() -> {
            try {
                deadLetters.refreshAll();
            } catch (RuntimeException e) {
                log.warn("Could not read the dead-letter queues: {}", e.toString());
            }
        }, 0, 2, TimeUnit.SECONDS);
    }

    /** {@code deadLetters}: UP without dead letters, DEGRADED (HTTP 200) with any; DOWN if the queues cannot be read. */
    @Bean
    HealthIndicator deadLettersHealthIndicator(DeadLetters deadLetters) {
        return () -> {
            Map<String, Long> counts = new LinkedHashMap<>();
            deadLetters.groups().forEach(group -> counts.put(group, deadLetters.count(group)));
            long total = counts.values().stream().mapToLong(Long::longValue).sum();
            return (total == 0 ? Health.up() : Health.status(DEGRADED)).withDetails(Map.copyOf(counts)).build();
        };
    }

    /** {@code directory.dead_letters{processing_group}}: the letters waiting in each group's queue. */
    @Bean
    MeterBinder deadLetterGauges(DeadLetters deadLetters) {
        return registry -> deadLetters.groups().forEach(group -> Gauge.builder("directory.dead_letters", deadLetters, d -> {
                    try {
                        return d.count(group);
                    } catch (RuntimeException e) {
                        return Double.NaN;
                    }
                })
                .tag("processing_group", group)
                .description("Events waiting in the processing group's dead-letter queue")
                .register(registry));
    }
}
