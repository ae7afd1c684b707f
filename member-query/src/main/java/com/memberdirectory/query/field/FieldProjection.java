package com.memberdirectory.query.field;

import com.memberdirectory.kernel.field.BuiltInFields;
import com.memberdirectory.kernel.field.FieldCatalogInitialized;
import com.memberdirectory.kernel.field.FieldDefined;
import com.memberdirectory.kernel.field.FieldOptionsChanged;
import com.memberdirectory.kernel.field.FieldRenamed;
import com.memberdirectory.kernel.field.FieldView;
import com.memberdirectory.query.support.DocumentBatch;
import com.memberdirectory.query.support.ProcessingGroups;
import com.memberdirectory.query.support.ProjectionWaiters;
import com.memberdirectory.query.replay.ReadModel;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;

import java.util.List;

/** The field definitions with their options. */
@Component
@ProcessingGroup(FieldProjection.PROCESSING_GROUP)
class FieldProjection {

    static final String PROCESSING_GROUP = ProcessingGroups.DIRECTORY;

    private final MongoTemplate mongo;
    private final ProjectionWaiters<CatalogPosition> waiters;
    private final FieldLabels labels;

    FieldProjection(MongoTemplate mongo, ProjectionWaiters<CatalogPosition> fieldWaiters, FieldLabels labels) {
        this.mongo = mongo;
        this.waiters = fieldWaiters;
        this.labels = labels;
    }

    @EventHandler
    void on(FieldCatalogInitialized event, @SequenceNumber long sequence) {
        long position = 0;
        for (FieldView field : BuiltInFields.OPTION_FIELDS) {
            FieldDocument document = current(field.key(), sequence);
            if (document != null) {
                document.label = field.label();
                document.type = field.type();
                document.builtIn = true;
                document.options = List.of();
                document.position = position;
                save(document);
            }
            position++;
        }
    }

    @EventHandler
    void on(FieldDefined event, @SequenceNumber long sequence) {
        FieldDocument document = current(event.key(), sequence);
        if (document != null) {
            document.label = event.label();
            document.type = event.type();
            document.options = event.options();
            document.position = sequence;
            save(document);
        }
    }

    @EventHandler
    void on(FieldRenamed event, @SequenceNumber long sequence) {
        FieldDocument document = current(event.key(), sequence);
        if (document != null) {
            document.label = event.after();
            save(document);
        }
    }

    @EventHandler
    void on(FieldOptionsChanged event, @SequenceNumber long sequence) {
        FieldDocument document = current(event.key(), sequence);
        if (document != null) {
            document.options = event.after();
            save(document);
        }
    }

    /**
     * The fields' collections, for rebuilds (docs/rebuilds.md); once switched, the cached labels are read again.
     */
    @Bean
    ReadModel fieldsReadModel() {
        return new ReadModel("fields", PROCESSING_GROUP, List.of(FieldDocument.class, CatalogPosition.class),
                shadow -> new FieldProjection(shadow.mongo(), shadow.waiters(), new FieldLabels(shadow.mongo())),
                labels::invalidate);
    }

    @ResetHandler
    void reset() {
        labels.writes().around(() -> {
            mongo.dropCollection(FieldDocument.class);
            mongo.dropCollection(CatalogPosition.class);
        });
    }

    /** The document to change for the event at {@code sequence}, or null when it was applied already. */
    private FieldDocument current(String key, long sequence) {
        FieldDocument document = batch().find(key);
        if (document == null) {
            document = new FieldDocument();
            document.key = key;
        } else if (document.version > sequence) {
            return null;
        }
        document.version = sequence + 1;
        DocumentBatch<CatalogPosition> positions = DocumentBatch.current(mongo, CatalogPosition.class, p -> p.id,
                written -> waiters.projected(written.keySet()));
        CatalogPosition position = positions.find(CatalogPosition.ID);
        if (position == null) {
            position = new CatalogPosition();
        }
        position.version = Math.max(position.version, sequence + 1);
        positions.save(position);
        return document;
    }

    private void save(FieldDocument document) {
        batch().save(document);
    }

    private DocumentBatch<FieldDocument> batch() {
        return DocumentBatch.current(mongo, FieldDocument.class, d -> d.key, labels.writes(), written -> { });
    }
}
