package com.memberdirectory.command.importing;

import com.memberdirectory.command.uniqueness.UniqueKind;
import com.memberdirectory.command.uniqueness.UniqueValues;
import com.memberdirectory.kernel.department.DepartmentId;
import com.memberdirectory.kernel.field.FieldType;
import com.memberdirectory.kernel.member.Gender;
import com.memberdirectory.kernel.member.MemberChanges;
import com.memberdirectory.kernel.member.MemberField;
import com.memberdirectory.kernel.member.MemberFields;
import com.memberdirectory.kernel.member.MemberId;
import com.memberdirectory.kernel.problem.DomainRuleViolation;
import com.memberdirectory.kernel.problem.ErrorCode;
import com.memberdirectory.kernel.workbook.MemberColumns;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The values an undo sets back, in the two forms it needs them: as a write asks for them ({@link MemberChanges}:
 * options by label, as a PATCH or an import row gives them) and as the workbook writes them (departments by path,
 * managers by user ID, options by label, Yes/No, dates as {@code yyyy-MM-dd}), so that the undo's report imports
 * back. Values are as the member's events carry them, by field name ({@code custom.<key>} for a custom field).
 * Look-ups are remembered for the length of one undo.
 */
final class UndoValues {

    private static final String CUSTOM = "custom.";
    private static final Map<String, MemberField<?, ?>> FIELDS = MemberFields.ALL.stream()
            .collect(Collectors.toUnmodifiableMap(MemberField::name, Function.identity()));

    private final UniqueValues lookups;
    private final ImportCatalog catalog;
    private final Map<String, CustomColumn> custom;
    private final Map<String, Optional<String>> labels = new ConcurrentHashMap<>();
    private final Map<String, String> userIds = new ConcurrentHashMap<>();
    private final Map<String, String> paths = new ConcurrentHashMap<>();

    UndoValues(UniqueValues lookups, ImportCatalog catalog) {
        this.lookups = lookups;
        this.catalog = catalog;
        this.custom = catalog.customColumns().stream()
                .collect(Collectors.toMap(CustomColumn::key, Function.identity(), (a, b) -> a, LinkedHashMap::new));
    }

    /** The write that sets these values back; refused (as a conflict) when an option has been removed since. */
    MemberChanges changes(Map<String, Object> restore) {
        MemberChanges.Builder changes = MemberChanges.builder();
        Map<String, Object> customValues = new LinkedHashMap<>();
        restore.forEach((key, value) -> {
            if (key.startsWith(CUSTOM)) {
                customValues.put(key.substring(CUSTOM.length()), written(key.substring(CUSTOM.length()), value));
            } else {
                set(changes, FIELDS.get(key), value);
            }
        });
        if (!customValues.isEmpty()) {
            changes.custom(customValues);
        }
        return changes.build();
    }

    @SuppressWarnings("unchecked")
    private <V> void set(MemberChanges.Builder changes, MemberField<V, ?> field, Object value) {
        if (field.type() == FieldType.SINGLE_OPTION && value != null) {
            changes.set(field, (V) label(field.name(), value.toString(), field.name()));
        } else {
            changes.set(field, (V) value);
        }
    }

    /** A custom value as a write gives it: one text, or option labels. */
    private Object written(String key, Object value) {
        List<?> values = value instanceof List<?> list ? list : value == null ? List.of() : List.of(value);
        if (values.isEmpty()) {
            return null;
        }
        FieldType type = type(key);
        if (type == FieldType.MULTI_OPTION) {
            return values.stream().map(id -> label(key, id.toString(), CUSTOM + key)).toList();
        }
        if (type == FieldType.SINGLE_OPTION) {
            return label(key, values.get(0).toString(), CUSTOM + key);
        }
        return values.get(0).toString();
    }

    /** The workbook column of a field; null for a custom field that no longer exists. */
    String column(String key) {
        if (key.startsWith(CUSTOM)) {
            CustomColumn column = custom.get(key.substring(CUSTOM.length()));
            return column == null ? null : column.label();
        }
        MemberField<?, ?> field = FIELDS.get(key);
        return field == null ? null : field.column();
    }

    /** A value as the workbook writes it. */
    String cell(String key, Object value) {
        if (value == null || value instanceof List<?> list && list.isEmpty()) {
            return "";
        }
        if (value instanceof List<?> list) {
            return list.stream().map(v -> cell(key, v)).collect(Collectors.joining(MemberColumns.LIST_SEPARATOR + " "));
        }
        if (key.startsWith(CUSTOM)) {
            String fieldKey = key.substring(CUSTOM.length());
            FieldType type = type(fieldKey);
            return type != null && type.hasOptions() ? labelOrId(fieldKey, value.toString())
                    : type == FieldType.MEMBER ? userId(value.toString()) : value.toString();
        }
        if (value instanceof Boolean yes) {
            return yes ? MemberColumns.YES : MemberColumns.NO;
        }
        if (value instanceof Gender gender) {
            return gender == Gender.UNSPECIFIED ? ""
                    : gender.name().charAt(0) + gender.name().substring(1).toLowerCase(Locale.ROOT);
        }
        if (value instanceof DepartmentId department) {
            return paths.computeIfAbsent(department.value(),
                    id -> lookups.ownerOf(UniqueKind.DEPARTMENT, id).orElse(id));
        }
        if (value instanceof MemberId member) {
            return userId(member.value());
        }
        MemberField<?, ?> field = FIELDS.get(key);
        return field != null && field.type() == FieldType.SINGLE_OPTION ? labelOrId(key, value.toString()) : value.toString();
    }

    private FieldType type(String key) {
        CustomColumn column = custom.get(key);
        return column != null ? column.type()
                : lookups.ownerOf(UniqueKind.FIELD, key).map(FieldType::valueOf).orElse(null);
    }

    private String label(String key, String optionId, String errorField) {
        return labels.computeIfAbsent(key + "/" + optionId, k -> lookups.ownerOf(UniqueKind.FIELD_OPTION, k))
                .orElseThrow(() -> new DomainRuleViolation(ErrorCode.UNKNOWN_OPTION, errorField,
                        "The option it had before the import has been removed from the field since."));
    }

    private String labelOrId(String key, String optionId) {
        return labels.computeIfAbsent(key + "/" + optionId, k -> lookups.ownerOf(UniqueKind.FIELD_OPTION, k)).orElse(optionId);
    }

    private String userId(String memberId) {
        return userIds.computeIfAbsent(memberId, id -> catalog.userIdOf(id).orElse(id));
    }
}
