package com.memberdirectory.app.deadletter;

import com.memberdirectory.query.support.DeadLetteredSequences;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.DeadLetterQueueOverflowException;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.NoSuchDeadLetterException;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * A stored dead-letter queue that tells {@link DeadLetteredSequences} (and so the read-your-writes waiters) when this
 * instance dead-letters an event — once the processor's batch is over, so that documents the batch stores before
 * the failed event still satisfy the writes that wait for them.
 */
final class ObservedDeadLetterQueue implements SequencedDeadLetterQueue<EventMessage<?>> {

    private static final Logger log = LoggerFactory.getLogger(ObservedDeadLetterQueue.class);

    private final String processingGroup;
    private final SequencedDeadLetterQueue<EventMessage<?>> delegate;
    private final DeadLetteredSequences sequences;

    ObservedDeadLetterQueue(String processingGroup, SequencedDeadLetterQueue<EventMessage<?>> delegate,
                            DeadLetteredSequences sequences) {
        this.processingGroup = processingGroup;
        this.delegate = delegate;
        this.sequences = sequences;
    }

    @Override
    public void enqueue(Object sequenceIdentifier, DeadLetter<? extends EventMessage<?>> letter)
            throws DeadLetterQueueOverflowException {
        delegate.enqueue(sequenceIdentifier, letter);
        String cause = letter.cause().map(c -> c.type() + ": " + c.message()).orElse("unknown");
        log.error("Processing group '{}' dead-lettered event {} ({}) of sequence {}: {}. Its later events wait behind it"
                        + " until it is retried or evicted (/api/admin/dead-letters).", processingGroup,
                letter.message().getIdentifier(), letter.message().getPayloadType().getSimpleName(), sequenceIdentifier, cause);
        tell(sequenceIdentifier, letter.message(), cause);
    }

    @Override
    public boolean enqueueIfPresent(Object sequenceIdentifier,
                                    Supplier<DeadLetter<? extends EventMessage<?>>> letterBuilder)
            throws DeadLetterQueueOverflowException {
        EventMessage<?>[] queued = new EventMessage<?>[1];
        boolean present = delegate.enqueueIfPresent(sequenceIdentifier, () -> {
            DeadLetter<? extends EventMessage<?>> letter = letterBuilder.get();
            queued[0] = letter.message();
            return letter;
        });
        if (present && queued[0] != null) {
            tell(sequenceIdentifier, queued[0], "queued behind an earlier dead letter of the sequence");
        }
        return present;
    }

    private void tell(Object sequenceIdentifier, EventMessage<?> message, String cause) {
        DeadLetteredSequences.Blocked blocked = new DeadLetteredSequences.Blocked(processingGroup,
                String.valueOf(sequenceIdentifier), message.getPayloadType().getSimpleName(), cause);
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().root().onCleanup(u -> sequences.deadLettered(blocked));
        } else {
            sequences.deadLettered(blocked);
        }
    }

    @Override
    public void evict(DeadLetter<? extends EventMessage<?>> letter) {
        delegate.evict(letter);
    }

    @Override
    public void requeue(DeadLetter<? extends EventMessage<?>> letter,
                        UnaryOperator<DeadLetter<? extends EventMessage<?>>> letterUpdater)
            throws NoSuchDeadLetterException {
        delegate.requeue(letter, letterUpdater);
    }

    @Override
    public boolean contains(Object sequenceIdentifier) {
        return delegate.contains(sequenceIdentifier);
    }

    @Override
    public Iterable<DeadLetter<? extends EventMessage<?>>> deadLetterSequence(Object sequenceIdentifier) {
        return delegate.deadLetterSequence(sequenceIdentifier);
    }

    @Override
    public Iterable<Iterable<DeadLetter<? extends EventMessage<?>>>> deadLetters() {
        return delegate.deadLetters();
    }

    @Override
    public boolean isFull(Object sequenceIdentifier) {
        return delegate.isFull(sequenceIdentifier);
    }

    @Override
    public long size() {
        return delegate.size();
    }

    @Override
    public long sequenceSize(Object sequenceIdentifier) {
        return delegate.sequenceSize(sequenceIdentifier);
    }

    @Override
    public long amountOfSequences() {
        return delegate.amountOfSequences();
    }

    @Override
    public boolean process(Predicate<DeadLetter<? extends EventMessage<?>>> sequenceFilter,
                           Function<DeadLetter<? extends EventMessage<?>>, EnqueueDecision<EventMessage<?>>> processingTask) {
        return delegate.process(sequenceFilter, processingTask);
    }

    @Override
    public void clear() {
        delegate.clear();
    }
}
