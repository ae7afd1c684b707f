package com.memberdirectory.query.department;

import com.memberdirectory.kernel.department.DepartmentList;
import com.memberdirectory.query.jobs.JobStorage;
import com.memberdirectory.query.support.DocumentBatch;
import com.memberdirectory.query.support.KeptReadModel;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * The department tree in path order, asked by every scoped administrator's request (to widen the grant to
 * sub-departments) and by every SCIM call (departments by name). Kept in memory between the department projection's
 * writes on the embedded default ({@link KeptReadModel}); read from the store on every question in MongoDB mode, where
 * a department created through another instance must be usable as soon as that instance answered its creation.
 */
@Component
class AllDepartments {

    private final KeptReadModel<DepartmentList> list;

    AllDepartments(MongoTemplate mongo, JobStorage storage) {
        this.list = KeptReadModel.of(storage, Duration.ZERO, () -> new DepartmentList(
                mongo.find(new Query().with(Sort.by("path")), DepartmentDocument.class).stream()
                        .map(DepartmentDocument::toView).toList()));
    }

    DepartmentList list() {
        return list.get();
    }

    /** The departments' collection was replaced by a rebuild. */
    void changed() {
        list.changed();
    }

    /** To be told around each of the department projection's writes. */
    DocumentBatch.Writes writes() {
        return list;
    }
}
