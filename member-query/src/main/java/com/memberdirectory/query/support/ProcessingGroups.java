package com.memberdirectory.query.support;

import java.util.List;

/**
 * The event processors of the read side. Every processor reads and deserializes the whole event stream, so
 * projections share them: the member list and the change list (both written per member event) in one, the
 * small read models in another.
 */
public final class ProcessingGroups {

    public static final String MEMBERS = "members";
    public static final String DIRECTORY = "directory";
    public static final List<String> ALL = List.of(MEMBERS, DIRECTORY);

    private ProcessingGroups() {
    }
}
