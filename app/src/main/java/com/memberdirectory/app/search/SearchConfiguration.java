package com.memberdirectory.app.search;

import com.memberdirectory.app.config.DirectoryProperties;
import com.memberdirectory.eventstore.DataFolder;
import com.memberdirectory.query.search.IndexTokenStore;
import com.memberdirectory.query.search.MemberSearchIndex;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.nio.file.Path;

/**
 * The member search index: a Lucene index in a folder of this instance — {@code search/} in the data folder of the
 * embedded default, {@code directory.search.path} with MongoDB — kept by its own processor, whose position is
 * stored in the index (see {@link IndexTokenStore}).
 */
@Configuration(proxyBeanMethods = false)
class SearchConfiguration {

    static final String PROCESSING_GROUP = "member-search";

    @Bean(destroyMethod = "close")
    MemberSearchIndex memberSearchIndex(ObjectProvider<DataFolder> dataFolder, DirectoryProperties properties) {
        DataFolder folder = dataFolder.getIfAvailable();
        Path path = folder != null ? folder.resolve("search") : properties.search().path();
        return MemberSearchIndex.open(path);
    }

    @Bean
    ConfigurerModule memberSearchProcessor(MemberSearchIndex index, Serializer serializer) {
        return configurer -> configurer.eventProcessing()
                .registerTokenStore(PROCESSING_GROUP, c -> new IndexTokenStore(PROCESSING_GROUP, index, serializer))
                .registerTransactionManager(PROCESSING_GROUP, c -> NoTransactionManager.INSTANCE);
    }
}
