package com.memberdirectory.query.search;

import com.memberdirectory.kernel.access.Viewer;

import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

/**
 * The list's conditions as a plain predicate over {@link SearchEntry}: the definition the search index's queries
 * ({@link SearchQueries}) implement, and what answers while the index is not there yet (a full scan).
 */
public final class MemberMatcher implements Predicate<SearchEntry> {

    /** List order: by name, then by id, both by Unicode code point (the order of their UTF-8 bytes). */
    public static final Comparator<SearchEntry> ORDER = Comparator
            .comparing(SearchEntry::name, Comparator.nullsFirst(MemberMatcher::byCodePoint))
            .thenComparing(SearchEntry::id, MemberMatcher::byCodePoint);

    private final MemberSearch search;
    private final String q;

    public MemberMatcher(MemberSearch search) {
        this.search = search;
        this.q = search.foldedQuery();
    }

    @Override
    public boolean test(SearchEntry member) {
        Viewer viewer = search.viewer();
        if (!member.listed()) {
            return false;
        }
        if (search.departmentIds() != null && member.departmentIds().stream().noneMatch(search.departmentIds()::contains)) {
            return false;
        }
        if (search.status() != null && !search.status().equals(member.status())) {
            return false;
        }
        if (search.withoutLoginPassword() && (member.hasLoginPassword() || !viewer.seesAllOf(member.departmentIds()))) {
            return false;
        }
        return q.isEmpty() || textMatches(member, viewer);
    }

    private boolean textMatches(SearchEntry member, Viewer viewer) {
        if (any(member, SearchFields.PUBLIC)) {
            return true;
        }
        if (!member.hidePhone() && SearchText.matches(member.text(SearchFields.PHONE), q)) {
            return true;
        }
        return viewer.seesAllOf(member.departmentIds())
                && (any(member, SearchFields.RESTRICTED) || SearchText.matches(member.text(SearchFields.PHONE), q));
    }

    private boolean any(SearchEntry member, List<String> fields) {
        return fields.stream().anyMatch(field -> SearchText.matches(member.text(field), q));
    }

    /** Compares two strings by Unicode code point (the order of their UTF-8 bytes, not of their UTF-16 chars). */
    public static int byCodePoint(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}
