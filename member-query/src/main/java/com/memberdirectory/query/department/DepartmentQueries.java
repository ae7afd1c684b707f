package com.memberdirectory.query.department;

import com.memberdirectory.kernel.department.DepartmentList;
import com.memberdirectory.kernel.department.DepartmentView;
import com.memberdirectory.kernel.department.FindDepartment;
import com.memberdirectory.kernel.department.ListDepartments;
import com.memberdirectory.query.support.ProjectionWaiters;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.domain.Sort;
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

    DepartmentQueries(MongoTemplate mongo, ProjectionWaiters<DepartmentView> departmentWaiters) {
        this.mongo = mongo;
        this.waiters = departmentWaiters;
    }

    /** Waits until the department is in the list (read-your-writes after a create). */
    @QueryHandler
    CompletableFuture<DepartmentView> find(FindDepartment query) {
        String id = query.departmentId().value();
        return waiters.await(id, 0, () -> read(id), view -> 0L);
    }

    @QueryHandler
    DepartmentList list(ListDepartments query) {
        List<DepartmentView> items = mongo.find(new Query().with(Sort.by("path")), DepartmentDocument.class)
                .stream().map(DepartmentDocument::toView).toList();
        return new DepartmentList(items);
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
