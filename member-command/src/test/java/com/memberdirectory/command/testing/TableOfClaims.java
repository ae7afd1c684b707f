package com.memberdirectory.command.testing;

import com.memberdirectory.command.uniqueness.UniqueKind;
import com.memberdirectory.command.uniqueness.UniqueValues;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The lookup table in memory, for aggregate tests. */
public class TableOfClaims implements UniqueValues {

    private final Map<String, String> owners = new HashMap<>();

    @Override
    public boolean claim(UniqueKind kind, String value, String owner) {
        return owners.computeIfAbsent(kind + "/" + value, k -> owner).equals(owner);
    }

    @Override
    public void release(UniqueKind kind, String value, String owner) {
        owners.remove(kind + "/" + value, owner);
    }

    @Override
    public long count(UniqueKind kind, String prefix) {
        return owners.keySet().stream().filter(key -> key.startsWith(kind + "/" + prefix)).count();
    }

    @Override
    public Optional<String> ownerOf(UniqueKind kind, String value) {
        return Optional.ofNullable(owners.get(kind + "/" + value));
    }
}
