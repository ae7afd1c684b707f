package com.memberdirectory.query.admin;

import com.memberdirectory.kernel.admin.AdminList;
import com.memberdirectory.kernel.admin.AdminView;
import com.memberdirectory.kernel.admin.FindAdmin;
import com.memberdirectory.kernel.admin.ListAdmins;
import com.memberdirectory.query.support.ProjectionWaiters;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.util.concurrent.CompletableFuture;

/** Answers who is an administrator. */
@Component
class AdminQueries {

    private final MongoTemplate mongo;
    private final ProjectionWaiters<AdminDocument> waiters;
    private final ActiveGrants grants;

    AdminQueries(MongoTemplate mongo, ProjectionWaiters<AdminDocument> adminWaiters, ActiveGrants grants) {
        this.mongo = mongo;
        this.waiters = adminWaiters;
        this.grants = grants;
    }

    /** The active grant of a subject, or null; waits until the grant reflects {@code minVersion}. */
    @QueryHandler
    CompletableFuture<AdminView> find(FindAdmin query) {
        if (query.minVersion() <= 0) {
            return CompletableFuture.completedFuture(grants.find(query.subject()));
        }
        return waiters.await(query.subject(), query.minVersion(),
                        () -> mongo.findById(query.subject(), AdminDocument.class), d -> d.version)
                .thenApply(d -> d == null || !d.active ? null : d.toView());
    }

    @QueryHandler
    AdminList list(ListAdmins query) {
        return new AdminList(mongo.find(Query.query(Criteria.where("active").is(true)).with(Sort.by("_id")),
                AdminDocument.class).stream().map(AdminDocument::toView).toList());
    }
}
