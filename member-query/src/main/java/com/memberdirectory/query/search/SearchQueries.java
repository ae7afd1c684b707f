package com.memberdirectory.query.search;

import com.memberdirectory.kernel.access.Viewer;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;

import java.util.Collection;
import java.util.List;

/** {@link MemberMatcher}'s conditions as a query of the search index, clause for clause. */
final class SearchQueries {

    static final String ID = "id";
    static final String NAME_SORT = "name.sort";
    static final String STATUS = "status";
    static final String DEPARTMENT = "dept";
    static final String HAS_LOGIN_PASSWORD = "pwd";
    static final String HIDE_PHONE = "hidePhone";
    static final String YES = "1";
    static final String NO = "0";

    private SearchQueries() {
    }

    /** The index field holding the grams of a searchable text field. */
    static String grams(String field) {
        return "t." + field;
    }

    static Query of(MemberSearch search) {
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        boolean filtered = false;
        Viewer viewer = search.viewer();
        if (search.departmentIds() != null) {
            all.add(anyOf(DEPARTMENT, search.departmentIds()), Occur.FILTER);
            filtered = true;
        }
        if (search.status() != null) {
            all.add(new TermQuery(new Term(STATUS, search.status())), Occur.FILTER);
            filtered = true;
        }
        if (search.withoutLoginPassword()) {
            all.add(new TermQuery(new Term(HAS_LOGIN_PASSWORD, NO)), Occur.FILTER);
            if (!viewer.isOrganizationWide()) {
                all.add(anyOf(DEPARTMENT, viewer.departmentIds()), Occur.FILTER);
            }
            filtered = true;
        }
        String q = search.foldedQuery();
        if (!q.isEmpty()) {
            all.add(text(q, viewer), Occur.FILTER);
            filtered = true;
        }
        return filtered ? all.build() : new MatchAllDocsQuery();
    }

    private static Query text(String q, Viewer viewer) {
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        SearchFields.PUBLIC.forEach(field -> any.add(contains(field, q), Occur.SHOULD));
        if (viewer.isOrganizationWide()) {
            SearchFields.RESTRICTED.forEach(field -> any.add(contains(field, q), Occur.SHOULD));
            any.add(contains(SearchFields.PHONE, q), Occur.SHOULD);
            return any.build();
        }
        any.add(new BooleanQuery.Builder()
                .add(contains(SearchFields.PHONE, q), Occur.FILTER)
                .add(new TermQuery(new Term(HIDE_PHONE, NO)), Occur.FILTER)
                .build(), Occur.SHOULD);
        if (!viewer.departmentIds().isEmpty()) {
            BooleanQuery.Builder restricted = new BooleanQuery.Builder();
            SearchFields.RESTRICTED.forEach(field -> restricted.add(contains(field, q), Occur.SHOULD));
            restricted.add(contains(SearchFields.PHONE, q), Occur.SHOULD);
            any.add(new BooleanQuery.Builder()
                    .add(anyOf(DEPARTMENT, viewer.departmentIds()), Occur.FILTER)
                    .add(restricted.build(), Occur.FILTER)
                    .build(), Occur.SHOULD);
        }
        return any.build();
    }

    /** The field's folded text contains {@code q} (see {@link SearchText}). */
    static Query contains(String field, String q) {
        String name = grams(field);
        if (q.length() < SearchText.GRAM) {
            return new PrefixQuery(new Term(name, q));
        }
        List<String> grams = SearchText.queryGrams(q);
        PhraseQuery.Builder phrase = new PhraseQuery.Builder();
        for (int i = 0; i < grams.size(); i++) {
            phrase.add(new Term(name, grams.get(i)), i);
        }
        return phrase.build();
    }

    private static Query anyOf(String field, Collection<String> values) {
        return new TermInSetQuery(field, values.stream().map(BytesRef::new).toList());
    }
}
