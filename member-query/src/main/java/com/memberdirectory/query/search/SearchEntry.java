package com.memberdirectory.query.search;

import com.memberdirectory.kernel.member.MemberStatus;

import java.util.List;
import java.util.Map;

/**
 * What the search index keeps of one member: what lists filter and sort by, and the searchable texts.
 *
 * @param texts the searchable text fields by name (see {@link SearchFields}); absent or null: no value
 */
public record SearchEntry(String id, long version, String name, String status, List<String> departmentIds,
                          boolean hasLoginPassword, boolean hidePhone, Map<String, String> texts) {

    public SearchEntry {
        departmentIds = departmentIds == null ? List.of() : List.copyOf(departmentIds);
        texts = texts == null ? Map.of() : texts.entrySet().stream().filter(e -> e.getValue() != null)
                .collect(java.util.stream.Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** Offboarded members have left the directory: never listed, searched or counted. */
    public boolean listed() {
        return !MemberStatus.OFFBOARDED.name().equals(status);
    }

    public String text(String field) {
        return texts.get(field);
    }
}
