package com.memberdirectory.query.department;

import com.memberdirectory.kernel.department.DepartmentList;
import com.memberdirectory.kernel.department.DepartmentView;
import com.memberdirectory.kernel.department.FindDepartment;
import com.memberdirectory.kernel.department.ListDepartments;
import com.memberdirectory.query.support.ProjectionWaiters;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Answers questions about departments. */
@Component
public class DepartmentQueries {

    private final MongoTemplate mongo;
    private final ProjectionWaiters<DepartmentView> waiters;
    private final AllDepartments all;

    DepartmentQueries(MongoTemplate mongo, ProjectionWaiters<DepartmentView> departmentWaiters, AllDepartments all) {
        this.mongo = mongo;
        this.waiters = departmentWaiters;
        this.all = all;
    }

    /** Waits until the department is in the list (read-your-writes after a create). */
    @QueryHandler
    CompletableFuture<DepartmentView> find(FindDepartment query) {
        String id = query.departmentId().value();
        return waiters.await(id, 0, () -> read(id), view -> 0L);
    }

    @QueryHandler
    DepartmentList list(ListDepartments query) {
        return all.list();
    }

    /** The department and all departments below it. */
    public List<String> subtreeOf(String departmentId) {
        List<String> ids = new ArrayList<>();
        ids.add(departmentId);
        mongo.find(Query.query(Criteria.where("ancestorIds").is(departmentId)), DepartmentDocument.class)
                .forEach(d -> ids.add(d.id));
        return ids;
    }

    private DepartmentView read(String id) {
        DepartmentDocument document = mongo.findById(id, DepartmentDocument.class);
        return document == null ? null : document.toView();
    }
}
