package com.memberdirectory.app.importing;

import com.memberdirectory.command.importing.ImportCatalog;
import com.memberdirectory.command.importing.ImportProcessor;
import com.memberdirectory.command.importing.ImportRunner;
import com.memberdirectory.command.importing.ImportSecrets;
import com.memberdirectory.app.storage.TokenClaimTimeout;
import com.memberdirectory.command.importing.SegmentClaims;
import com.memberdirectory.command.importing.UndoRunner;
import org.axonframework.eventsourcing.eventstore.EventStore;
import com.memberdirectory.command.uniqueness.UniqueValues;
import com.memberdirectory.query.field.FieldLabels;
import com.memberdirectory.query.files.FileStore;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.axonframework.queryhandling.QueryGateway;


/** The import pipeline: runner, its processor, and the adapters it needs. */
@Configuration(proxyBeanMethods = false)
class ImportConfiguration {

    /**
     * Rows of different members applied in parallel: the rows in flight are what the command writer can take into
     * one group commit. Measured (40,000-row import, 2 cores, the machine otherwise idle): 32 rows 1,536 rows/s,
     * 96 rows 1,753 rows/s, 128 rows 1,800 rows/s. An administrator's own edit during an import waits for at most
     * one such batch, so more rows in flight buy little more throughput for more latency.
     */
    static final int WORKERS = 96;

    @Bean
    StoredImportFiles importFiles(FileStore files) {
        return new StoredImportFiles(files);
    }

    @Bean
    ImportCatalog importCatalog(FieldLabels fields, QueryGateway queries) {
        return new FieldCatalogForImports(fields, queries);
    }

    @Bean
    ImportRunner importRunner(CommandGateway commands, UniqueValues lookups, StoredImportFiles importFiles,
                              ImportCatalog importCatalog, ImportSecrets secrets) {
        return new ImportRunner(commands, lookups, importFiles, importCatalog, secrets, WORKERS);
    }

    /** The undo of an import (docs/undo.md): members set back in parallel as rows are applied. */
    @Bean
    UndoRunner undoRunner(CommandGateway commands, UniqueValues lookups, StoredImportFiles importFiles,
                          ImportCatalog importCatalog, EventStore events) {
        return new UndoRunner(commands, lookups, importFiles, importCatalog, events, WORKERS);
    }

    /**
     * Keeps the claim of the imports' segment while a run lasts (see {@link SegmentClaims}), in the token store the
     * processor keeps its token in ({@link #importProcessing}), at the rate that store's claim timeout asks for.
     */
    @Bean
    SegmentClaims importClaims(TokenStore tokenStore, TokenClaimTimeout claimTimeout) {
        return new SegmentClaims(tokenStore, ImportProcessor.PROCESSING_GROUP, claimTimeout.value());
    }

    @Bean
    ImportProcessor importProcessor(ImportRunner runner, UndoRunner undoRunner, SegmentClaims importClaims) {
        return new ImportProcessor(runner, undoRunner, importClaims);
    }

    /**
     * The runner's handler must not hold a transaction open for the length of an import. A run that fails without
     * recording its end (even FAILED could not be recorded), or is interrupted by a stop, does not move the
     * processor past the import: Axon's default handler error handling would log it and move on, leaving the import
     * RUNNING for good; propagated, the processor tries the import again (now, with back-off, or after the restart).
     * Its token lives in the primary token store (the saga's), named here because {@link SegmentClaims} extends the
     * claim in that store.
     */
    @Bean
    ConfigurerModule importProcessing(TokenStore tokenStore) {
        return configurer -> configurer.eventProcessing()
                .registerTokenStore(ImportProcessor.PROCESSING_GROUP, c -> tokenStore)
                .registerTransactionManager(ImportProcessor.PROCESSING_GROUP, c -> NoTransactionManager.INSTANCE)
                .registerListenerInvocationErrorHandler(ImportProcessor.PROCESSING_GROUP, c -> PropagatingErrorHandler.instance());
    }
}
