package com.memberdirectory.query.replay;

import com.memberdirectory.query.support.ProjectionWaiters;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * What a rebuilt projection writes through: a {@link MongoTemplate} that maps every document class to its
 * rebuild collection ({@link ShadowMongoTemplate}), and read-your-writes waiters nobody waits on (the live
 * queries wait on the live projection's).
 */
public record Shadow(MongoTemplate mongo, ProjectionWaiters<?> idleWaiters) {

    /** The idle waiters, typed as the projection's constructor wants them. */
    @SuppressWarnings("unchecked")
    public <T> ProjectionWaiters<T> waiters() {
        return (ProjectionWaiters<T>) idleWaiters;
    }
}
