package com.memberdirectory.app.search;

import com.memberdirectory.app.config.DirectoryProperties;
import com.memberdirectory.eventstore.DataFolder;
import com.memberdirectory.query.member.MemberVersions;
import com.memberdirectory.query.search.IndexTokenStore;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.nio.file.Path;

/**
 * The index of member versions that answers {@code asOf}: a Lucene index in a folder of this instance — {@code asof/}
 * in the data folder of the embedded default, {@code directory.search.path} with {@code .asof} appended with MongoDB (e.g. {@code ./search.asof}) — kept
 * by its own processor, whose position is stored in the index (see {@link IndexTokenStore}).
 */
@Configuration(proxyBeanMethods = false)
class MemberVersionsConfiguration {

    static final String PROCESSING_GROUP = "member-versions";

    @Bean(destroyMethod = "close")
    MemberVersions memberVersions(ObjectProvider<DataFolder> dataFolder, DirectoryProperties properties, MongoTemplate mongo) {
        DataFolder folder = dataFolder.getIfAvailable();
        Path search = properties.search().path().toAbsolutePath();
        Path path = folder != null ? folder.resolve("asof") : search.resolveSibling(search.getFileName() + ".asof");
        return MemberVersions.open(path, mongo.getConverter());
    }

    @Bean
    ConfigurerModule memberVersionsProcessor(MemberVersions versions, Serializer serializer) {
        return configurer -> configurer.eventProcessing()
                .registerTokenStore(PROCESSING_GROUP, c -> new IndexTokenStore(PROCESSING_GROUP, versions, serializer))
                .registerTransactionManager(PROCESSING_GROUP, c -> NoTransactionManager.INSTANCE);
    }
}
