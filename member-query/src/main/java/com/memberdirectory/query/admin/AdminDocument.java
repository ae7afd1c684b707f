package com.memberdirectory.query.admin;

import com.memberdirectory.kernel.admin.AdminView;
import com.memberdirectory.kernel.admin.Permission;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.util.List;
import java.util.Set;

/** The grant of one administrator (collection {@code admins}), owned by {@link AdminProjection}. */
@Document("admins")
class AdminDocument {

    @Id
    String subject;
    long version;
    boolean active;
    Set<Permission> permissions;
    List<String> departmentIds;

    AdminView toView() {
        return new AdminView(subject, permissions == null ? Set.of() : Set.copyOf(permissions),
                departmentIds == null ? List.of() : List.copyOf(departmentIds), version);
    }
}
