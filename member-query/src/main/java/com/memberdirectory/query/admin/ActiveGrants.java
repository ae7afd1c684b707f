package com.memberdirectory.query.admin;

import com.memberdirectory.kernel.admin.AdminView;
import com.memberdirectory.query.jobs.JobStorage;
import com.memberdirectory.query.support.DocumentBatch;
import com.memberdirectory.query.support.KeptReadModel;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The active administrator grants, asked on every request of an administrator other than the primary one and of
 * every provisioning client. Kept in memory between the admin projection's writes on the embedded default
 * ({@link KeptReadModel}); in MongoDB mode, where another instance's projection may record a revocation, each
 * question reads the store, so a revoked grant stops working as soon as the read model shows the revocation —
 * the same moment on every path and every instance.
 */
@Component
class ActiveGrants {

    private final MongoTemplate mongo;
    private final KeptReadModel<Map<String, AdminView>> grants;

    ActiveGrants(MongoTemplate mongo, JobStorage storage) {
        this.mongo = mongo;
        this.grants = KeptReadModel.of(storage, Duration.ZERO, () -> mongo.find(Query.query(Criteria.where("active").is(true)),
                AdminDocument.class).stream().map(AdminDocument::toView)
                .collect(Collectors.toUnmodifiableMap(AdminView::subject, Function.identity())));
    }

    /** The subject's active grant, or null. */
    AdminView find(String subject) {
        if (!grants.kept()) {
            AdminDocument document = mongo.findById(subject, AdminDocument.class);
            return document == null || !document.active ? null : document.toView();
        }
        return grants.get().get(subject);
    }

    /** The administrators' collection was replaced by a rebuild. */
    void changed() {
        grants.changed();
    }

    /** To be told around each of the admin projection's writes. */
    DocumentBatch.Writes writes() {
        return grants;
    }
}
