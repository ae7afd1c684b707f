package com.memberdirectory.command.uniqueness;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The lookup table as a map, for aggregate tests. It is not transactional: a refused command may leave a claim
 * it made before the refusal, which the real table rolls back. It records what was claimed and released so a
 * test can assert the command's effect on the table.
 */
public final class InMemoryUniqueValues implements UniqueValues {

    /** One claim or release, in the order the command made them. */
    public record Change(String action, UniqueKind kind, String value, String owner) {
    }

    private final Map<String, String> owners = new ConcurrentHashMap<>();
    private final List<Change> changes = new ArrayList<>();
    private final Map<String, Runnable> onClaim = new ConcurrentHashMap<>();

    /** Puts a claim in place as if an earlier command had made it; not recorded as a change. */
    public InMemoryUniqueValues given(UniqueKind kind, String value, String owner) {
        owners.put(key(kind, value), owner);
        return this;
    }

    /**
     * Runs {@code action} just before the first claim of that value is decided — what a concurrent command that
     * held the claim, and committed before letting go of it, would have done meanwhile.
     */
    public InMemoryUniqueValues whenClaimed(UniqueKind kind, String value, Runnable action) {
        onClaim.put(key(kind, value), action);
        return this;
    }

    /** Takes a claim away as a concurrent command would; not recorded as a change. */
    public synchronized InMemoryUniqueValues without(UniqueKind kind, String value) {
        owners.remove(key(kind, value));
        return this;
    }

    @Override
    public synchronized boolean claim(UniqueKind kind, String value, String owner) {
        Runnable meanwhile = onClaim.remove(key(kind, value));
        if (meanwhile != null) {
            meanwhile.run();
        }
        String holder = owners.putIfAbsent(key(kind, value), owner);
        if (holder == null) {
            changes.add(new Change("claim", kind, value, owner));
            return true;
        }
        return holder.equals(owner);
    }

    @Override
    public synchronized void release(UniqueKind kind, String value, String owner) {
        if (owners.remove(key(kind, value), owner)) {
            changes.add(new Change("release", kind, value, owner));
        }
    }

    @Override
    public long count(UniqueKind kind, String prefix) {
        return owners.keySet().stream().filter(key -> key.startsWith(key(kind, prefix))).count();
    }

    @Override
    public Map<String, String> owners(UniqueKind kind, String prefix) {
        Map<String, String> found = new java.util.TreeMap<>();
        owners.forEach((key, owner) -> {
            if (key.startsWith(key(kind, prefix))) {
                found.put(key.substring(key(kind, "").length()), owner);
            }
        });
        return found;
    }

    @Override
    public Optional<String> ownerOf(UniqueKind kind, String value) {
        return Optional.ofNullable(owners.get(key(kind, value)));
    }

    /** The claims and releases made since the test began (not those put in place with {@link #given}). */
    public synchronized List<Change> changes() {
        return List.copyOf(changes);
    }

    private static String key(UniqueKind kind, String value) {
        return kind + ":" + value;
    }
}
