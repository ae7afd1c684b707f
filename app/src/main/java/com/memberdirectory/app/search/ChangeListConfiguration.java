package com.memberdirectory.app.search;

import com.memberdirectory.app.config.DirectoryProperties;
import com.memberdirectory.eventstore.DataFolder;
import com.memberdirectory.query.audit.ChangeListIndex;
import com.memberdirectory.query.search.IndexTokenStore;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.nio.file.Path;

/**
 * The index of the change list that answers {@code GET /api/audit}: a Lucene index in a folder of this instance —
 * {@code changes/} in the data folder of the embedded default, {@code directory.search.path} with {@code .changes}
 * appended with MongoDB (e.g. {@code ./search.changes}) — kept by its own processor, whose position is stored in the
 * index (see {@link IndexTokenStore}).
 */
@Configuration(proxyBeanMethods = false)
class ChangeListConfiguration {

    static final String PROCESSING_GROUP = "change-list";

    @Bean(destroyMethod = "close")
    ChangeListIndex changeListIndex(ObjectProvider<DataFolder> dataFolder, DirectoryProperties properties) {
        DataFolder folder = dataFolder.getIfAvailable();
        Path search = properties.search().path().toAbsolutePath();
        Path path = folder != null ? folder.resolve("changes") : search.resolveSibling(search.getFileName() + ".changes");
        return ChangeListIndex.open(path);
    }

    @Bean
    ConfigurerModule changeListProcessor(ChangeListIndex index, Serializer serializer) {
        return configurer -> configurer.eventProcessing()
                .registerTokenStore(PROCESSING_GROUP, c -> new IndexTokenStore(PROCESSING_GROUP, index, serializer))
                .registerTransactionManager(PROCESSING_GROUP, c -> NoTransactionManager.INSTANCE);
    }
}
