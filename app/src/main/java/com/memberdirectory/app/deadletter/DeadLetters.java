package com.memberdirectory.app.deadletter;

import com.memberdirectory.query.support.DeadLetteredSequences;
import com.memberdirectory.query.support.ProcessingGroups;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The dead letters of the projection processors ({@link ProcessingGroups#ALL}): what they are, processing them
 * again, evicting them. A sequence is the id of the aggregate whose events it holds, as the processors are sequenced
 * per aggregate.
 */
public class DeadLetters {

    /** Dead letters shown per sequence and sequences shown per group, at most. */
    static final int SHOWN = 100;
    /** The diagnostics entry counting failed retries. */
    static final String RETRIES = "retries";

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

    public record Letter(String eventId, String eventType, String aggregateId, Long sequenceNumber, Instant eventTime,
                         String causeType, String cause, Instant enqueuedAt, Instant lastTouched, long retries) {
    }

    public record Sequence(String sequenceId, long size, List<Letter> letters) {
    }

    public record Group(String processingGroup, long deadLetters, long sequences, List<Sequence> shown) {
    }

    public record Retried(String processingGroup, long before, long remaining) {
    }

    private final Configuration axon;
    private final DeadLetteredSequences sequences;

    public DeadLetters(Configuration axon, DeadLetteredSequences sequences) {
        this.axon = axon;
        this.sequences = sequences;
    }

    public List<String> groups() {
        return ProcessingGroups.ALL;
    }

    public boolean has(String group) {
        return groups().contains(group);
    }

    private SequencedDeadLetterQueue<EventMessage<?>> queue(String group) {
        return axon.eventProcessingConfiguration().deadLetterQueue(group)
                .orElseThrow(() -> new IllegalStateException("No dead-letter queue for " + group));
    }

    private SequencedDeadLetterProcessor<EventMessage<?>> processor(String group) {
        return axon.eventProcessingConfiguration().sequencedDeadLetterProcessor(group)
                .orElseThrow(() -> new IllegalStateException("No dead-letter processor for " + group));
    }

    public long count(String group) {
        return queue(group).size();
    }

    public long total() {
        return groups().stream().mapToLong(this::count).sum();
    }

    public Group list(String group) {
        SequencedDeadLetterQueue<EventMessage<?>> queue = queue(group);
        List<Sequence> shown = new ArrayList<>();
        for (Iterable<DeadLetter<? extends EventMessage<?>>> sequence : queue.deadLetters()) {
            if (shown.size() >= SHOWN) {
                break;
            }
            List<Letter> letters = new ArrayList<>();
            String sequenceId = null;
            for (DeadLetter<? extends EventMessage<?>> letter : sequence) {
                if (sequenceId == null) {
                    sequenceId = sequenceIdOf(letter);
                }
                if (letters.size() >= SHOWN) {
                    break;
                }
                letters.add(letterOf(letter));
            }
            if (sequenceId != null) {
                shown.add(new Sequence(sequenceId, queue.sequenceSize(sequenceId), letters));
            }
        }
        return new Group(group, queue.size(), queue.amountOfSequences(), shown);
    }

    /**
     * Processes the group's dead-lettered sequences again (only {@code sequenceId}'s when given), each from its
     * first letter: a sequence whose letters all succeed leaves the queue; a letter that fails again stays, with its
     * retry count raised, and the rest of its sequence behind it.
     */
    public Retried retry(String group, String sequenceId) {
        SequencedDeadLetterQueue<EventMessage<?>> queue = queue(group);
        SequencedDeadLetterProcessor<EventMessage<?>> processor = processor(group);
        long before = queue.size();
        if (sequenceId != null) {
            processor.process(letter -> sequenceId.equals(sequenceIdOf(letter)));
        } else {
            // every sequence once: a sequence that fails again is touched and goes to the back of the queue
            long rounds = queue.amountOfSequences();
            for (long i = 0; i < rounds; i++) {
                processor.processAny();
            }
        }
        refresh(group);
        long remaining = queue.size();
        log.info("Dead letters of '{}' processed again{}: {} before, {} remaining", group,
                sequenceId == null ? "" : " (sequence " + sequenceId + ")", before, remaining);
        return new Retried(group, before, remaining);
    }

    /** Removes every letter of the sequence: its events are given up for this read model. False if there are none. */
    public boolean evict(String group, String sequenceId) {
        SequencedDeadLetterQueue<EventMessage<?>> queue = queue(group);
        List<DeadLetter<? extends EventMessage<?>>> letters = new ArrayList<>();
        queue.deadLetterSequence(sequenceId).forEach(letters::add);
        if (letters.isEmpty()) {
            return false;
        }
        letters.forEach(queue::evict);
        log.warn("Evicted {} dead letter(s) of sequence {} from '{}': the read model will not reflect those events"
                + " (a replay of the read model would try them again)", letters.size(), sequenceId, group);
        refresh(group);
        return true;
    }

    /** Tells the read-your-writes waiters which sequences the stored queues hold now. */
    public void refresh(String group) {
        SequencedDeadLetterQueue<EventMessage<?>> queue = queue(group);
        Map<String, DeadLetteredSequences.Blocked> stored = new LinkedHashMap<>();
        if (queue.size() > 0) {
            for (Iterable<DeadLetter<? extends EventMessage<?>>> sequence : queue.deadLetters()) {
                for (DeadLetter<? extends EventMessage<?>> first : sequence) {
                    String id = sequenceIdOf(first);
                    stored.put(id, new DeadLetteredSequences.Blocked(group, id,
                            first.message().getPayloadType().getSimpleName(),
                            first.cause().map(c -> c.type() + ": " + c.message()).orElse("unknown")));
                    break;
                }
            }
        }
        sequences.replace(group, stored);
    }

    public void refreshAll() {
        groups().forEach(this::refresh);
    }

    static String sequenceIdOf(DeadLetter<? extends EventMessage<?>> letter) {
        return letter.message() instanceof DomainEventMessage<?> domain && domain.getAggregateIdentifier() != null
                ? domain.getAggregateIdentifier() : letter.message().getIdentifier();
    }

    private static Letter letterOf(DeadLetter<? extends EventMessage<?>> letter) {
        EventMessage<?> message = letter.message();
        Optional<DomainEventMessage<?>> domain = message instanceof DomainEventMessage<?> d ? Optional.of(d) : Optional.empty();
        Object retries = letter.diagnostics().get(RETRIES);
        return new Letter(message.getIdentifier(), message.getPayloadType().getName(),
                domain.map(DomainEventMessage::getAggregateIdentifier).orElse(null),
                domain.map(DomainEventMessage::getSequenceNumber).orElse(null),
                message.getTimestamp(),
                letter.cause().map(c -> c.type()).orElse(null),
                letter.cause().map(c -> c.message()).orElse(null),
                letter.enqueuedAt(), letter.lastTouched(),
                retries instanceof Number n ? n.longValue() : 0);
    }
}
