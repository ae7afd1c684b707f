package com.memberdirectory.app.deadletter;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;

/**
 * The stored dead-letter queue of one processing group: in the event store's HSQLDB in embedded mode, in the
 * MongoDB database in MongoDB mode (each storage configuration defines it).
 */
@FunctionalInterface
public interface DeadLetterQueueFactory {

    /** More sequences, or more letters in one sequence, than any real failure produces; Axon's default is 1,024. */
    int MAX_SEQUENCES = 100_000;
    int MAX_SEQUENCE_SIZE = 100_000;

    SequencedDeadLetterQueue<EventMessage<?>> queueFor(String processingGroup);
}
