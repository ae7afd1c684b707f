package com.memberdirectory.app.http.member;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.memberdirectory.app.http.ApiException;
import com.memberdirectory.kernel.department.DepartmentId;
import com.memberdirectory.kernel.member.MemberId;
import com.memberdirectory.kernel.member.UpdateMember;
import com.memberdirectory.kernel.problem.FieldError;
import org.springframework.http.HttpStatusCode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a JSON merge patch (RFC 7396) of a member into an {@link UpdateMember}: a property that is absent
 * leaves the field alone, {@code null} clears it, a value sets it.
 */
final class MemberPatch {

    private static final Set<String> READ_ONLY = Set.of("id", "version", "status", "loginEmail", "loginEmailType");

    private MemberPatch() {
    }

    static UpdateMember toCommand(MemberId memberId, Long expectedVersion, JsonNode body) {
        if (!(body instanceof ObjectNode patch)) {
            throw ApiException.badField("", "The body must be a JSON object of the fields to change.");
        }
        UpdateMember command = UpdateMember.of(memberId, expectedVersion);
        Iterator<Map.Entry<String, JsonNode>> fields = patch.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String name = field.getKey();
            JsonNode value = field.getValue();
            command = switch (name) {
                case "name" -> command.withName(text(name, value));
                case "userId" -> command.withUserId(text(name, value));
                case "workEmail" -> command.withWorkEmail(text(name, value));
                case "phone" -> command.withPhone(text(name, value));
                case "departmentIds" -> command.withDepartmentIds(departments(value));
                default -> throw unknown(name);
            };
        }
        return command;
    }

    private static ApiException unknown(String name) {
        if (READ_ONLY.contains(name)) {
            String message = "'" + name + "' cannot be changed with PATCH.";
            return new ApiException(HttpStatusCode.valueOf(400), "read_only_property", message,
                    List.of(new FieldError(name, message)));
        }
        String message = "Unknown property '" + name + "'.";
        return new ApiException(HttpStatusCode.valueOf(400), "unknown_property", message, List.of(new FieldError(name, message)));
    }

    private static String text(String name, JsonNode value) {
        if (value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw ApiException.badField(name, "'" + name + "' must be a string or null.");
        }
        return value.textValue();
    }

    private static List<DepartmentId> departments(JsonNode value) {
        if (value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            throw ApiException.badField("departmentIds", "'departmentIds' must be an array of department ids.");
        }
        List<DepartmentId> ids = new ArrayList<>();
        for (JsonNode id : value) {
            if (!id.isTextual()) {
                throw ApiException.badField("departmentIds", "'departmentIds' must be an array of department ids.");
            }
            ids.add(new DepartmentId(id.textValue()));
        }
        return ids;
    }
}
