package com.memberdirectory.query.member;

import com.memberdirectory.kernel.member.FindReports;
import com.memberdirectory.kernel.member.MemberIds;
import com.memberdirectory.kernel.member.MemberStatus;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.util.HashSet;
import java.util.Set;

/**
 * Who reports to a member, directly or on a dotted line, for the offboarding of that member (docs/lifecycle.md):
 * each member found then decides on its own state whether it still has that manager.
 */
@Component
class ReportQueries {

    private final MongoTemplate mongo;

    ReportQueries(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @QueryHandler
    MemberIds reportsOf(FindReports query) {
        String manager = query.managerId().value();
        Query select = Query.query(new Criteria().andOperator(
                Criteria.where("status").ne(MemberStatus.OFFBOARDED.name()),
                new Criteria().orOperator(Criteria.where("managerId").is(manager),
                        Criteria.where("dottedLineManagerIds").is(manager))));
        select.fields().include("_id");
        Set<String> ids = new HashSet<>();
        mongo.find(select, Document.class, "members").forEach(d -> ids.add(d.getString("_id")));
        return new MemberIds(ids);
    }
}
