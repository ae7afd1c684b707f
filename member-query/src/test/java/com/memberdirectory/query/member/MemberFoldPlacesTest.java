package com.memberdirectory.query.member;

import com.memberdirectory.kernel.department.DepartmentId;
import com.memberdirectory.kernel.member.Gender;
import com.memberdirectory.kernel.member.MemberEvent;
import com.memberdirectory.kernel.member.MemberField;
import com.memberdirectory.kernel.member.MemberFields;
import com.memberdirectory.kernel.member.MemberId;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;

/** Keeps docs/adding-a-field.md honest on the read side: every field of the schema lands in the member document. */
class MemberFoldPlacesTest {

    private static final MemberId ID = new MemberId("m1");

    @Test
    void a_change_of_every_field_sets_a_field_of_the_document() {
        assertThat(MemberFields.ALL).allSatisfy(field -> {
            MemberDocument document = new MemberDocument();
            List<Object> before = stored(document);
            MemberFold.apply(document, change(field), 0, java.time.Instant.EPOCH);
            List<Object> after = stored(document);
            after.set(0, null); // the version, which every event sets
            before.set(0, null);
            assertThat(after).as(field.name()).isNotEqualTo(before);
        });
    }

    private static <V> MemberEvent change(MemberField<V, ?> field) {
        @SuppressWarnings("unchecked")
        V value = (V) sample(field.valueType().getTypeName());
        return field.changed(ID, value, value);
    }

    private static Object sample(String type) {
        return switch (type) {
            case "java.lang.String" -> "x";
            case "boolean" -> true;
            case "java.time.LocalDate" -> LocalDate.of(2024, 1, 2);
            case "com.memberdirectory.kernel.member.Gender" -> Gender.FEMALE;
            case "com.memberdirectory.kernel.member.MemberId" -> new MemberId("boss");
            case "java.util.List<com.memberdirectory.kernel.department.DepartmentId>" -> List.of(new DepartmentId("d"));
            case "java.util.List<com.memberdirectory.kernel.member.MemberId>" -> List.of(new MemberId("boss"));
            default -> throw new AssertionError("No sample value of " + type + ": add one here");
        };
    }

    /** The document's fields, the version first. */
    private static List<Object> stored(MemberDocument document) {
        List<Object> values = new ArrayList<>();
        values.add(document.version);
        for (Field field : MemberDocument.class.getDeclaredFields()) {
            if (!field.getName().equals("version") && !java.lang.reflect.Modifier.isStatic(field.getModifiers())) {
                try {
                    values.add(Objects.toString(field.get(document)));
                } catch (IllegalAccessException e) {
                    throw new AssertionError(e);
                }
            }
        }
        return values;
    }
}
