package com.memberdirectory.query.department;

import com.memberdirectory.kernel.department.DepartmentView;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.util.List;

/** One department (collection {@code departments}), owned by {@link DepartmentProjection}. */
@Document("departments")
class DepartmentDocument {

    @Id
    String id;
    String name;
    String parentId;
    String path;
    /** From the top of the tree down to the parent. */
    List<String> ancestorIds;

    DepartmentView toView() {
        return new DepartmentView(id, name, parentId, path, ancestorIds == null ? List.of() : List.copyOf(ancestorIds));
    }
}
