package com.memberdirectory.query.notification;

import com.memberdirectory.kernel.notification.ListNotifications;
import com.memberdirectory.kernel.notification.NotificationList;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** Answers the delivery log. */
@Component
class NotificationQueries {

    private final MongoTemplate mongo;

    NotificationQueries(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @QueryHandler
    NotificationList list(ListNotifications query) {
        if (query.memberId() != null && query.onlyMembers() != null && !query.onlyMembers().contains(query.memberId())) {
            return new NotificationList(java.util.List.of());
        }
        Query select = query.memberId() != null ? Query.query(Criteria.where("memberId").is(query.memberId()))
                : query.onlyMembers() != null ? Query.query(Criteria.where("memberId").in(query.onlyMembers()))
                : new Query();
        return new NotificationList(mongo.find(select.with(Sort.by("createdAt", "_id")), NotificationDocument.class)
                .stream().map(NotificationDocument::toView).toList());
    }
}
