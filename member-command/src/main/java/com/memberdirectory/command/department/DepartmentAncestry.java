package com.memberdirectory.command.department;

import com.memberdirectory.command.uniqueness.UniqueKind;
import com.memberdirectory.command.uniqueness.UniqueValues;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The departments above a department, read from the write side's lookup table (a department's path, and the
 * id of each path), so that write decisions never wait for a read model. Department names hold no {@code /}.
 */
public final class DepartmentAncestry {

    private DepartmentAncestry() {
    }

    /** Ids from the top of the tree down to the department's parent; empty for an unknown department. */
    public static Function<String, List<String>> of(UniqueValues unique) {
        return departmentId -> {
            String path = unique.ownerOf(UniqueKind.DEPARTMENT, departmentId).orElse(null);
            if (path == null) {
                return List.of();
            }
            List<String> ancestors = new ArrayList<>();
            for (int slash = path.indexOf('/'); slash >= 0; slash = path.indexOf('/', slash + 1)) {
                unique.ownerOf(UniqueKind.DEPARTMENT_PATH, path.substring(0, slash).toLowerCase(Locale.ROOT))
                        .ifPresent(ancestors::add);
            }
            return ancestors;
        };
    }
}
