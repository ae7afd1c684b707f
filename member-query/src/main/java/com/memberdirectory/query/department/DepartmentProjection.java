package com.memberdirectory.query.department;

import com.memberdirectory.kernel.department.DepartmentCreated;
import com.memberdirectory.kernel.department.DepartmentView;
import com.memberdirectory.query.support.DocumentBatch;
import com.memberdirectory.query.support.ProcessingGroups;
import com.memberdirectory.query.support.ProjectionWaiters;
import com.memberdirectory.query.replay.ReadModel;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/** The department tree with paths and ancestors. */
@Component
@ProcessingGroup(DepartmentProjection.PROCESSING_GROUP)
class DepartmentProjection {

    static final String PROCESSING_GROUP = ProcessingGroups.DIRECTORY;

    private final MongoTemplate mongo;
    private final ProjectionWaiters<DepartmentView> waiters;
    /** Told before a batch's departments are written and once the batch is over (after anyone waiting was answered). */
    private final DocumentBatch.Writes writes;

    @Autowired
    DepartmentProjection(MongoTemplate mongo, ProjectionWaiters<DepartmentView> departmentWaiters, AllDepartments all) {
        this(mongo, departmentWaiters, all.writes());
    }

    private DepartmentProjection(MongoTemplate mongo, ProjectionWaiters<DepartmentView> departmentWaiters,
                                 DocumentBatch.Writes writes) {
        this.mongo = mongo;
        this.waiters = departmentWaiters;
        this.writes = writes;
    }

    @EventHandler
    void on(DepartmentCreated event) {
        DocumentBatch<DepartmentDocument> batch = DocumentBatch.current(mongo, DepartmentDocument.class, d -> d.id, writes,
                written -> waiters.projected(written.keySet()));
        List<String> ancestors = new ArrayList<>();
        if (event.parentId() != null) {
            DepartmentDocument parent = batch.find(event.parentId().value());
            if (parent != null) {
                ancestors.addAll(parent.ancestorIds);
            }
            ancestors.add(event.parentId().value());
        }
        DepartmentDocument document = new DepartmentDocument();
        document.id = event.departmentId().value();
        document.name = event.name();
        document.parentId = event.parentId() == null ? null : event.parentId().value();
        document.path = event.path();
        document.ancestorIds = ancestors;
        batch.save(document);
    }

    /** The departments' collection, for rebuilds (docs/rebuilds.md). */
    @Bean
    static ReadModel departmentsReadModel(AllDepartments all) {
        return new ReadModel("departments", PROCESSING_GROUP, List.of(DepartmentDocument.class),
                shadow -> new DepartmentProjection(shadow.mongo(), shadow.waiters(), DocumentBatch.Writes.NONE),
                all::changed);
    }

    @ResetHandler
    void reset() {
        writes.around(() -> mongo.dropCollection(DepartmentDocument.class));
    }
}
