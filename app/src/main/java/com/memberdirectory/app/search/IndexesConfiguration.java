package com.memberdirectory.app.search;

import com.memberdirectory.app.config.DirectoryProperties;
import com.memberdirectory.eventstore.DataFolder;
import com.memberdirectory.query.audit.ChangeListIndex;
import com.memberdirectory.query.member.MemberVersions;
import com.memberdirectory.query.search.IndexTokenStore;
import com.memberdirectory.query.search.MemberSearchIndex;
import com.memberdirectory.query.search.TrackedIndex;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.nio.file.Path;
import java.util.Map;

/**
 * The Lucene indexes of this instance, each in a folder of its own and kept by a processor of its own whose position
 * is stored in the index (see {@link IndexTokenStore}), not in the shared token store:
 * <ul>
 *     <li>the member search index (lists and searches, docs/search.md): {@code search/} in the data folder of the
 *     embedded default, {@code directory.search.path} with MongoDB; processor {@code member-search};</li>
 *     <li>the index of member versions ({@code asOf}, docs/auditing.md): {@code asof/}, or that path with
 *     {@code .asof} appended (e.g. {@code ./search.asof}); processor {@code member-versions};</li>
 *     <li>the index of the change list ({@code GET /api/audit}): {@code changes/}, or that path with {@code .changes}
 *     appended; processor {@code change-list}.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class IndexesConfiguration {

    @Bean(destroyMethod = "close")
    MemberSearchIndex memberSearchIndex(ObjectProvider<DataFolder> dataFolder, DirectoryProperties properties) {
        return MemberSearchIndex.open(folder(dataFolder, properties, "search", ""));
    }

    @Bean(destroyMethod = "close")
    MemberVersions memberVersions(ObjectProvider<DataFolder> dataFolder, DirectoryProperties properties, MongoTemplate mongo) {
        return MemberVersions.open(folder(dataFolder, properties, "asof", ".asof"), mongo.getConverter());
    }

    @Bean(destroyMethod = "close")
    ChangeListIndex changeListIndex(ObjectProvider<DataFolder> dataFolder, DirectoryProperties properties) {
        return ChangeListIndex.open(folder(dataFolder, properties, "changes", ".changes"));
    }

    /** Each index's processor keeps its position in the index, and writes without a transaction (the index is not in one). */
    @Bean
    ConfigurerModule indexProcessors(MemberSearchIndex search, MemberVersions versions, ChangeListIndex changes,
                                     Serializer serializer) {
        Map<String, TrackedIndex<?>> kept = Map.of("member-search", search, "member-versions", versions, "change-list", changes);
        return configurer -> kept.forEach((group, index) -> configurer.eventProcessing()
                .registerTokenStore(group, c -> new IndexTokenStore(group, index, serializer))
                .registerTransactionManager(group, c -> NoTransactionManager.INSTANCE));
    }

    /** {@code name} in the embedded default's data folder; with MongoDB, {@code directory.search.path} + {@code suffix}. */
    private static Path folder(ObjectProvider<DataFolder> dataFolder, DirectoryProperties properties, String name,
                               String suffix) {
        DataFolder folder = dataFolder.getIfAvailable();
        if (folder != null) {
            return folder.resolve(name);
        }
        Path search = properties.search().path().toAbsolutePath();
        return suffix.isEmpty() ? properties.search().path() : search.resolveSibling(search.getFileName() + suffix);
    }
}
