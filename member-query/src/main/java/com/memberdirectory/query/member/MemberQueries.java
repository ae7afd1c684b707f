package com.memberdirectory.query.member;

import com.memberdirectory.kernel.member.FindMember;
import com.memberdirectory.kernel.member.ListMembers;
import com.memberdirectory.kernel.member.MemberIds;
import com.memberdirectory.kernel.member.MembersInDepartments;
import com.memberdirectory.kernel.member.MemberPage;
import com.memberdirectory.kernel.member.MemberView;
import com.memberdirectory.query.department.DepartmentQueries;
import com.memberdirectory.query.field.FieldLabels;
import com.memberdirectory.query.search.MemberMatcher;
import com.memberdirectory.query.search.MemberSearch;
import com.memberdirectory.query.search.IndexFreshness;
import com.memberdirectory.query.search.MemberSearchIndex;
import com.memberdirectory.query.search.SearchEntry;
import org.axonframework.eventsourcing.eventstore.EventStore;
import com.memberdirectory.query.support.ProjectionWaiters;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

/** Answers questions about members: one member from the member list, pages of it through the search index. */
@Component
class MemberQueries {

    private final MongoTemplate mongo;
    private final ProjectionWaiters<MemberView> waiters;
    private final DepartmentQueries departments;
    private final FieldLabels labels;
    private final MemberSearchIndex index;
    private final IndexFreshness freshness;

    MemberQueries(MongoTemplate mongo, ProjectionWaiters<MemberView> memberWaiters, DepartmentQueries departments,
                  FieldLabels labels, MemberSearchIndex index, EventStore events) {
        this.labels = labels;
        this.index = index;
        this.freshness = new IndexFreshness(events, index, "member search index", "lists and searches read the member list");
        this.mongo = mongo;
        this.waiters = memberWaiters;
        this.departments = departments;
    }

    @QueryHandler
    CompletableFuture<MemberView> find(FindMember query) {
        String id = query.memberId().value();
        if (query.minVersion() <= 0) {
            return CompletableFuture.completedFuture(read(id));
        }
        return waiters.await(id, query.minVersion(), () -> read(id), MemberView::version);
    }

    @QueryHandler
    MemberPage list(ListMembers query) throws InterruptedException {
        MemberSearch search = new MemberSearch(
                query.departmentId() == null ? null : Set.copyOf(departments.subtreeOf(query.departmentId())),
                query.status() == null ? null : query.status().name(), query.q(),
                Boolean.TRUE.equals(query.withoutLoginPassword()), query.viewer(),
                (long) query.page() * query.size(), query.size());
        MemberSearchIndex.Hits hits = freshness.indexIsCurrent() ? index.search(search) : scan(search);
        return new MemberPage(read(hits.ids()), query.page(), query.size(), hits.total());
    }

    /**
     * The same answer from the member list itself, reading every member: only while the search index has not
     * caught up with the events (being built after an upgrade or after its file was lost).
     */
    private MemberSearchIndex.Hits scan(MemberSearch search) {
        MemberMatcher matcher = new MemberMatcher(search);
        List<SearchEntry> matching = new ArrayList<>();
        try (Stream<MemberDocument> all = mongo.stream(new Query(), MemberDocument.class)) {
            all.map(MemberSearchProjection::entryOf).filter(matcher).forEach(matching::add);
        }
        matching.sort(MemberMatcher.ORDER);
        List<String> ids = matching.stream().skip(search.offset()).limit(search.limit()).map(SearchEntry::id).toList();
        return new MemberSearchIndex.Hits(ids, matching.size());
    }

    /** The members with these ids, in this order (one that is gone since is left out). */
    private List<MemberView> read(List<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<String, MemberDocument> found = new HashMap<>();
        mongo.find(Query.query(Criteria.where("_id").in(ids)), MemberDocument.class).forEach(d -> found.put(d.id, d));
        return ids.stream().map(found::get).filter(Objects::nonNull).map(d -> d.toView(labels)).toList();
    }

    @QueryHandler
    MemberIds inDepartments(MembersInDepartments query) {
        java.util.Set<String> departments = new java.util.HashSet<>();
        query.departmentIds().forEach(id -> departments.addAll(this.departments.subtreeOf(id)));
        Query select = Query.query(Criteria.where("departmentIds").in(departments));
        select.fields().include("_id");
        java.util.Set<String> ids = new java.util.HashSet<>();
        mongo.find(select, org.bson.Document.class, "members").forEach(d -> ids.add(d.getString("_id")));
        return new MemberIds(ids);
    }

    private MemberView read(String id) {
        MemberDocument document = mongo.findById(id, MemberDocument.class);
        return document == null ? null : document.toView(labels);
    }
}
