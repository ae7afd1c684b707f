package com.memberdirectory.query.replay;

import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The live {@link MongoTemplate}'s database and converter, with every document class stored in its rebuild
 * collection ({@code <live name>_rebuild}) instead of the live one. Every operation of a {@code MongoTemplate} that
 * takes a class finds its collection through {@link #getCollectionName(Class)}, so a projection instance given
 * this template writes and reads only the rebuild collections.
 */
final class ShadowMongoTemplate extends MongoTemplate {

    static final String SUFFIX = "_rebuild";

    private final MongoTemplate live;

    ShadowMongoTemplate(MongoTemplate live) {
        super(live.getMongoDatabaseFactory(), live.getConverter());
        this.live = live;
    }

    static String shadowOf(String liveCollection) {
        return liveCollection + SUFFIX;
    }

    @Override
    public String getCollectionName(Class<?> entityClass) {
        return shadowOf(live.getCollectionName(entityClass));
    }
}
