package com.memberdirectory.query.search;

import com.memberdirectory.kernel.access.MemberVisibility;

import java.util.List;
import java.util.stream.Stream;

/** The member fields {@code q} searches, by who may find a member through them ({@link MemberVisibility}). */
public final class SearchFields {

    /** Searchable by everyone. */
    public static final List<String> PUBLIC = MemberVisibility.PUBLIC_TEXT_FIELDS;

    /** Searchable only by viewers who see everything of the member. */
    public static final List<String> RESTRICTED = MemberVisibility.RESTRICTED_TEXT_FIELDS;

    /** Searchable by everyone unless the member hides it; then only by viewers who see everything of the member. */
    public static final String PHONE = "phone";

    /** Every searchable field. */
    public static final List<String> ALL = Stream.of(PUBLIC.stream(), RESTRICTED.stream(), Stream.of(PHONE))
            .flatMap(s -> s).toList();

    private SearchFields() {
    }
}
