package com.memberdirectory.query.support;

import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The sequences (aggregate ids) whose events wait in a processing group's dead-letter queue, as this instance knows
 * them: told at once when this instance dead-letters an event, and refreshed from the stored queues every few
 * seconds (letters of other instances, retries, evictions). Read-your-writes waiters ask it so that a write whose
 * events cannot reach the read model answers at once instead of waiting out its time limit.
 */
@Component
public class DeadLetteredSequences {

    /** One dead-lettered sequence: the first letter's event type and cause. */
    public record Blocked(String processingGroup, String sequenceId, String eventType, String cause) {
    }

    private final Map<String, Map<String, Blocked>> byGroup = new ConcurrentHashMap<>();
    private final List<Consumer<Blocked>> listeners = new CopyOnWriteArrayList<>();

    /** An event of this sequence was dead-lettered (or queued behind an earlier one). */
    public void deadLettered(Blocked blocked) {
        Blocked previous = byGroup.computeIfAbsent(blocked.processingGroup(), g -> new ConcurrentHashMap<>())
                .putIfAbsent(blocked.sequenceId(), blocked);
        Blocked current = previous == null ? blocked : previous;
        listeners.forEach(listener -> listener.accept(current));
    }

    /** What the stored queue of the group holds now. */
    public void replace(String processingGroup, Map<String, Blocked> stored) {
        Map<String, Blocked> known = byGroup.computeIfAbsent(processingGroup, g -> new ConcurrentHashMap<>());
        known.keySet().retainAll(stored.keySet());
        stored.forEach((id, blocked) -> {
            if (known.putIfAbsent(id, blocked) == null) {
                listeners.forEach(listener -> listener.accept(blocked));
            }
        });
    }

    public Optional<Blocked> find(String processingGroup, String sequenceId) {
        Map<String, Blocked> known = byGroup.get(processingGroup);
        return known == null || sequenceId == null ? Optional.empty() : Optional.ofNullable(known.get(sequenceId));
    }

    public void subscribe(Consumer<Blocked> listener) {
        listeners.add(listener);
    }
}
