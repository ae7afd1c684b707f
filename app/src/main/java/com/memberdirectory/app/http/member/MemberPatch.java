package com.memberdirectory.app.http.member;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.memberdirectory.app.http.ApiException;
import com.memberdirectory.app.json.CustomValueJson;
import com.memberdirectory.kernel.department.DepartmentId;
import com.memberdirectory.kernel.member.Gender;
import com.memberdirectory.kernel.member.MemberChanges;
import com.memberdirectory.kernel.member.MemberField;
import com.memberdirectory.kernel.member.MemberFields;
import com.memberdirectory.kernel.member.MemberId;
import com.memberdirectory.kernel.problem.FieldError;
import org.springframework.http.HttpStatusCode;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reads a JSON merge patch (RFC 7396) of a member into {@link MemberChanges}: a property that is absent
 * leaves the field alone, {@code null} clears it, a value sets it.
 */
final class MemberPatch {

    private static final Set<String> READ_ONLY = Set.of("id", "version", "status", "loginEmail", "loginEmailType",
            "hasLoginPassword", "photoUrl", "createdAt", "updatedAt");

    /** The fields whose JSON value is a string as written (or null), by name. */
    private static final Map<String, MemberField<String, ?>> TEXT_FIELDS = MemberFields.TEXT.stream()
            .collect(Collectors.toUnmodifiableMap(MemberField::name, Function.identity()));

    private MemberPatch() {
    }

    static MemberChanges toChanges(JsonNode body) {
        if (!(body instanceof ObjectNode patch)) {
            throw ApiException.badField("", "The body must be a JSON object of the fields to change.");
        }
        MemberChanges.Builder changes = MemberChanges.builder();
        Iterator<Map.Entry<String, JsonNode>> fields = patch.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String name = field.getKey();
            JsonNode value = field.getValue();
            MemberField<String, ?> textField = TEXT_FIELDS.get(name);
            if (textField != null) {
                changes.set(textField, text(name, value));
                continue;
            }
            switch (name) {
                case "hidePhone" -> changes.set(MemberFields.HIDE_PHONE, bool(name, value));
                case "gender" -> changes.set(MemberFields.GENDER, gender(value));
                case "departmentIds" -> changes.set(MemberFields.DEPARTMENTS, ids(name, value, MemberPatch::departmentId));
                case "employmentDate" -> changes.set(MemberFields.EMPLOYMENT_DATE, date(name, value));
                case "managerId" -> {
                    String id = text(name, value);
                    changes.set(MemberFields.MANAGER, id == null ? null : new MemberId(id));
                }
                case "dottedLineManagerIds" ->
                        changes.set(MemberFields.DOTTED_LINE_MANAGERS, ids(name, value, MemberPatch::memberId));
                case "jobTitle" -> changes.set(MemberFields.JOB_TITLE, text(name, value));
                case "workforceType" -> changes.set(MemberFields.WORKFORCE_TYPE, text(name, value));
                case "custom" -> changes.custom(custom(value));
                default -> throw unknown(name);
            }
        }
        return changes.build();
    }

    /** Custom values as plain Java: text, number, list of labels; JSON null clears the field. */
    static Map<String, Object> custom(JsonNode value) {
        if (value.isNull()) {
            return Map.of();
        }
        if (!value.isObject()) {
            throw ApiException.badField("custom", "'custom' is an object of field keys and values.");
        }
        Map<String, Object> values = new LinkedHashMap<>();
        value.fields().forEachRemaining(entry -> values.put(entry.getKey(), plain("custom." + entry.getKey(), entry.getValue())));
        return values;
    }

    private static Object plain(String name, JsonNode value) {
        return CustomValueJson.plain(name, value, message -> ApiException.badField(name, message));
    }

    static DepartmentId departmentId(String id) {
        return id == null ? null : new DepartmentId(id);
    }

    static MemberId memberId(String id) {
        return id == null ? null : new MemberId(id);
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

    private static Boolean bool(String name, JsonNode value) {
        if (value.isNull()) {
            return null;
        }
        if (!value.isBoolean()) {
            throw ApiException.badField(name, "'" + name + "' must be true, false or null.");
        }
        return value.booleanValue();
    }

    private static Gender gender(JsonNode value) {
        String text = text("gender", value);
        if (text == null) {
            return null;
        }
        try {
            return Gender.valueOf(text);
        } catch (IllegalArgumentException e) {
            throw ApiException.badField("gender", "'gender' is one of " + Arrays.toString(Gender.values()) + " or null.");
        }
    }

    private static LocalDate date(String name, JsonNode value) {
        String text = text(name, value);
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw ApiException.badField(name, "'" + name + "' is a date like 2024-03-01, or null.");
        }
    }

    private static <T> List<T> ids(String name, JsonNode value, Function<String, T> id) {
        if (value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            throw ApiException.badField(name, "'" + name + "' must be an array of ids.");
        }
        List<T> ids = new ArrayList<>();
        for (JsonNode element : value) {
            if (!element.isTextual()) {
                throw ApiException.badField(name, "'" + name + "' must be an array of ids.");
            }
            ids.add(id.apply(element.textValue()));
        }
        return ids;
    }
}
