package com.memberdirectory.app.storage.embedded;

import com.memberdirectory.app.storage.mongo.MongoStoreCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** The embedded default: no {@code spring.data.mongodb.uri}. */
public class EmbeddedStoreCondition extends MongoStoreCondition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return !super.matches(context, metadata);
    }
}
