package com.memberdirectory.query.member;

import com.memberdirectory.query.search.MemberSearchIndex;
import com.memberdirectory.query.search.SearchEntry;
import com.memberdirectory.query.search.TrackedIndex;
import com.memberdirectory.query.search.TrackedIndexRebuild;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * The member search index as a replay rebuilds it ({@link TrackedIndexRebuild}): processor {@code member-search}
 * reset to the first event; meanwhile lists and searches are answered by reading the member list
 * ({@link MemberSearchFreshness}: the same answers, slower). Compared with the member list: a member's entry is what
 * the projection makes of the member's document ({@link MemberFold} folds both); a listed member must have one, an
 * offboarded member may have none.
 */
@Component
public class SearchIndexRebuild implements TrackedIndexRebuild.RebuiltIndex<MemberDocument> {

    public static final String NAME = "search";

    private final MemberSearchIndex index;

    SearchIndexRebuild(MemberSearchIndex index) {
        this.index = index;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String processingGroup() {
        return MemberSearchProjection.PROCESSING_GROUP;
    }

    @Override
    public TrackedIndex<?> index() {
        return index;
    }

    @Override
    public Class<MemberDocument> compared() {
        return MemberDocument.class;
    }

    @Override
    public TrackedIndexRebuild.Entry indexed(MemberDocument live) {
        SearchEntry entry = index.entry(live.id);
        return entry == null ? null : new TrackedIndexRebuild.Entry(entry.version(), document(entry));
    }

    @Override
    public TrackedIndexRebuild.Expected expected(MemberDocument live) {
        SearchEntry entry = MemberSearchProjection.entryOf(live);
        return new TrackedIndexRebuild.Expected(new TrackedIndexRebuild.Entry(entry.version(), document(entry)),
                entry.listed());
    }

    private static Document document(SearchEntry entry) {
        return new Document("_id", entry.id()).append("version", entry.version()).append("name", entry.name())
                .append("status", entry.status()).append("departmentIds", entry.departmentIds())
                .append("hasLoginPassword", entry.hasLoginPassword()).append("hidePhone", entry.hidePhone())
                .append("texts", new Document(entry.texts()));
    }
}
