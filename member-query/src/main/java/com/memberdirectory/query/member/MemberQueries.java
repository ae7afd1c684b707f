package com.memberdirectory.query.member;

import com.memberdirectory.kernel.access.MemberVisibility;
import com.memberdirectory.kernel.access.Viewer;
import com.memberdirectory.kernel.member.FindMember;
import com.memberdirectory.kernel.member.ListMembers;
import com.memberdirectory.kernel.member.MemberIds;
import com.memberdirectory.kernel.member.MembersInDepartments;
import com.memberdirectory.kernel.member.MemberPage;
import com.memberdirectory.kernel.member.MemberStatus;
import com.memberdirectory.kernel.member.MemberView;
import com.memberdirectory.query.department.DepartmentQueries;
import com.memberdirectory.query.field.FieldLabels;
import com.memberdirectory.query.support.ProjectionWaiters;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;

/** Answers questions about members from the member list. */
@Component
class MemberQueries {

    private final MongoTemplate mongo;
    private final ProjectionWaiters<MemberView> waiters;
    private final DepartmentQueries departments;
    private final FieldLabels labels;

    MemberQueries(MongoTemplate mongo, ProjectionWaiters<MemberView> memberWaiters, DepartmentQueries departments,
                  FieldLabels labels) {
        this.labels = labels;
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
    MemberPage list(ListMembers query) {
        List<Criteria> filters = new ArrayList<>();
        // Offboarded members have left the directory: never listed, searched or counted (docs/lifecycle.md).
        filters.add(Criteria.where("status").ne(MemberStatus.OFFBOARDED));
        if (query.departmentId() != null) {
            filters.add(Criteria.where("departmentIds").in(departments.subtreeOf(query.departmentId())));
        }
        Viewer viewer = query.viewer();
        if (Boolean.TRUE.equals(query.withoutLoginPassword())) {
            filters.add(Criteria.where("hasLoginPassword").is(false));
            if (!viewer.isOrganizationWide()) {
                filters.add(Criteria.where("departmentIds").in(viewer.departmentIds()));
            }
        }
        if (query.status() != null) {
            filters.add(Criteria.where("status").is(query.status()));
        }
        if (query.q() != null && !query.q().isBlank()) {
            filters.add(textMatch(Pattern.compile(Pattern.quote(query.q().strip()), Pattern.CASE_INSENSITIVE), viewer));
        }
        Query select = new Query();
        if (!filters.isEmpty()) {
            select.addCriteria(new Criteria().andOperator(filters));
        }
        long total = mongo.count(select, MemberDocument.class);
        long skip = (long) query.page() * query.size();
        if (skip >= total) {
            // Past the end: nothing to read (and no skip the store might take as an int).
            return new MemberPage(List.of(), query.page(), query.size(), total);
        }
        select.with(Sort.by("name", "_id")).skip(skip).limit(query.size());
        List<MemberView> items = mongo.find(select, MemberDocument.class).stream().map(d -> d.toView(labels)).toList();
        return new MemberPage(items, query.page(), query.size(), total);
    }

    /**
     * {@code q} matches only what the viewer may see ({@link MemberVisibility}): a hidden phone or a login email
     * found by a search would be recovered digit by digit from the totals.
     */
    private static Criteria textMatch(Pattern text, Viewer viewer) {
        List<Criteria> anyOf = new ArrayList<>();
        MemberVisibility.PUBLIC_TEXT_FIELDS.forEach(field -> anyOf.add(Criteria.where(field).regex(text)));
        if (viewer.isOrganizationWide()) {
            MemberVisibility.RESTRICTED_TEXT_FIELDS.forEach(field -> anyOf.add(Criteria.where(field).regex(text)));
            anyOf.add(Criteria.where("phone").regex(text));
            return new Criteria().orOperator(anyOf);
        }
        anyOf.add(new Criteria().andOperator(Criteria.where("phone").regex(text), Criteria.where("hidePhone").ne(true)));
        if (!viewer.departmentIds().isEmpty()) {
            List<Criteria> restricted = new ArrayList<>();
            MemberVisibility.RESTRICTED_TEXT_FIELDS.forEach(field -> restricted.add(Criteria.where(field).regex(text)));
            restricted.add(Criteria.where("phone").regex(text));
            anyOf.add(new Criteria().andOperator(Criteria.where("departmentIds").in(viewer.departmentIds()),
                    new Criteria().orOperator(restricted)));
        }
        return new Criteria().orOperator(anyOf);
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
