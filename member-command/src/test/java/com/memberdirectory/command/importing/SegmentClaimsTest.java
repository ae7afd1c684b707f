package com.memberdirectory.command.importing;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.mockito.Mockito.atLeast;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.timeout;
import static org.mockito.Mockito.verify;

/**
 * The claim of the imports' segment is kept while a run lasts, and a run whose claim cannot be kept is asked to stop.
 */
class SegmentClaimsTest {

    private final TokenStore tokens = mock(TokenStore.class);
    private final SegmentClaims claims = new SegmentClaims(tokens, "imports", Duration.ofMillis(300));

    @AfterEach
    void close() {
        claims.close();
    }

    @Test
    void a_kept_claim_is_extended_every_third_of_the_claim_timeout_until_the_run_ends() {
        assertThat(claims.every()).isEqualTo(Duration.ofMillis(100));
        RunStop stop = new RunStop();
        try (SegmentClaims.Kept kept = claims.keep(0, stop)) {
            verify(tokens, timeout(5_000).atLeast(3)).extendClaim("imports", 0);
        }
        assertThat(stop.requested()).isFalse();
    }

    @Test
    void a_claim_that_cannot_be_extended_stops_the_run_before_its_next_row() {
        doThrow(new UnableToClaimTokenException("owned by another node")).when(tokens).extendClaim("imports", 0);
        RunStop stop = new RunStop();
        try (SegmentClaims.Kept kept = claims.keep(0, stop)) {
            await().atMost(Duration.ofSeconds(5)).until(stop::requested);
        }
        assertThatThrownBy(stop::check).isInstanceOf(RunStop.Stopped.class)
                .hasMessageContaining("segment 0 of imports could not be extended")
                .hasMessageContaining("owned by another node");
    }

    /**
     * What {@link ImportProcessor} relies on: Axon's tracking processor names the segment of the batch it handles in
     * the batch's unit of work, under {@link ImportProcessor#SEGMENT_RESOURCE}.
     */
    @Test
    void the_tracking_processor_names_the_segment_being_handled() throws Exception {
        EmbeddedEventStore events = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
        CompletableFuture<Object> seen = new CompletableFuture<>();
        Object handler = new Object() {
            @EventHandler
            void on(String event, UnitOfWork<?> batch) {
                seen.complete(batch.getResource(ImportProcessor.SEGMENT_RESOURCE));
            }
        };
        TrackingEventProcessor processor = TrackingEventProcessor.builder()
                .name(ImportProcessor.PROCESSING_GROUP)
                .eventHandlerInvoker(SimpleEventHandlerInvoker.builder().eventHandlers(handler).build())
                .messageSource(events)
                .tokenStore(new InMemoryTokenStore())
                .transactionManager(org.axonframework.common.transaction.NoTransactionManager.INSTANCE)
                .trackingEventProcessorConfiguration(TrackingEventProcessorConfiguration.forSingleThreadedProcessing())
                .build();
        processor.start();
        try {
            EventMessage<String> queued = GenericEventMessage.asEventMessage("queued");
            events.publish(queued);
            assertThat(seen.get(30, TimeUnit.SECONDS)).isEqualTo(0);
        } finally {
            processor.shutDown();
            events.shutDown();
        }
    }
}
