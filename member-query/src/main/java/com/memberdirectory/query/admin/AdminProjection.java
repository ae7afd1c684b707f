package com.memberdirectory.query.admin;

import com.memberdirectory.kernel.admin.AdminGranted;
import com.memberdirectory.kernel.admin.AdminRevoked;
import com.memberdirectory.kernel.department.DepartmentId;
import com.memberdirectory.query.support.DocumentBatch;
import com.memberdirectory.query.support.ProcessingGroups;
import com.memberdirectory.query.support.ProjectionWaiters;
import com.memberdirectory.query.replay.ReadModel;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;

import java.util.List;

import java.util.Set;

/** Who is an administrator, with which permissions and department scope. */
@Component
@ProcessingGroup(AdminProjection.PROCESSING_GROUP)
class AdminProjection {

    static final String PROCESSING_GROUP = ProcessingGroups.DIRECTORY;

    private final MongoTemplate mongo;
    private final ProjectionWaiters<AdminDocument> waiters;
    /** Told before a batch's grants are written and once the batch is over (after anyone waiting was answered). */
    private final DocumentBatch.Writes writes;

    @Autowired
    AdminProjection(MongoTemplate mongo, ProjectionWaiters<AdminDocument> adminWaiters, ActiveGrants grants) {
        this(mongo, adminWaiters, grants.writes());
    }

    private AdminProjection(MongoTemplate mongo, ProjectionWaiters<AdminDocument> adminWaiters,
                            DocumentBatch.Writes writes) {
        this.mongo = mongo;
        this.waiters = adminWaiters;
        this.writes = writes;
    }

    @EventHandler
    void on(AdminGranted event, @SequenceNumber long sequence) {
        AdminDocument document = current(event.subject(), sequence);
        if (document != null) {
            document.active = true;
            document.permissions = event.permissions();
            document.departmentIds = event.departmentIds().stream().map(DepartmentId::value).toList();
            save(document);
        }
    }

    @EventHandler
    void on(AdminRevoked event, @SequenceNumber long sequence) {
        AdminDocument document = current(event.subject(), sequence);
        if (document != null) {
            document.active = false;
            document.permissions = Set.of();
            document.departmentIds = java.util.List.of();
            save(document);
        }
    }

    /** The administrators' collection, for rebuilds (docs/rebuilds.md). */
    @Bean
    static ReadModel adminsReadModel(ActiveGrants grants) {
        return new ReadModel("admins", PROCESSING_GROUP, List.of(AdminDocument.class),
                shadow -> new AdminProjection(shadow.mongo(), shadow.waiters(), DocumentBatch.Writes.NONE),
                grants::changed);
    }

    @ResetHandler
    void reset() {
        writes.around(() -> mongo.dropCollection(AdminDocument.class));
    }

    /** The document to change for the event at {@code sequence}, or null when it was applied already. */
    private AdminDocument current(String subject, long sequence) {
        AdminDocument document = batch().find(subject);
        if (document == null) {
            document = new AdminDocument();
            document.subject = subject;
        } else if (document.version > sequence) {
            return null;
        }
        document.version = sequence + 1;
        return document;
    }

    private void save(AdminDocument document) {
        batch().save(document);
    }

    private DocumentBatch<AdminDocument> batch() {
        return DocumentBatch.current(mongo, AdminDocument.class, d -> d.subject, writes,
                written -> waiters.projected(written.keySet()));
    }
}
