package com.memberdirectory.app.storage.mongo;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/** MongoDB mode: {@code spring.data.mongodb.uri} is set. */
public class MongoStoreCondition implements Condition {

    static final String URI_PROPERTY = "spring.data.mongodb.uri";

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return StringUtils.hasText(context.getEnvironment().getProperty(URI_PROPERTY));
    }
}
