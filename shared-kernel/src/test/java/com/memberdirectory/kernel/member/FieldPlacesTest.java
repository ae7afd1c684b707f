package com.memberdirectory.kernel.member;

import com.memberdirectory.kernel.department.DepartmentId;
import org.junit.jupiter.api.Test;

import java.lang.invoke.MethodHandles;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FieldPlacesTest {

    /** Holds the city by name; the departments as text, which is no place for the ids the events carry. */
    record Holder(String city, List<String> departmentIds) {

        Holder withCity(String city) {
            return new Holder(city, departmentIds);
        }
    }

    record Elsewhere(String town) {
    }

    static final class Document {
        String city;
        String employmentDate;
    }

    private static final MethodHandles.Lookup LOOKUP = MethodHandles.lookup();

    @Test
    void a_record_holds_a_field_by_the_component_of_its_name_and_is_copied_by_its_wither() {
        Holder holder = new Holder("Berlin", List.of());
        assertThat(FieldPlaces.component(LOOKUP, Holder.class, MemberFields.CITY).apply(holder)).isEqualTo("Berlin");
        assertThat(FieldPlaces.wither(LOOKUP, Holder.class, MemberFields.CITY).apply(holder, "Paris"))
                .isEqualTo(new Holder("Paris", List.of()));
    }

    @Test
    void a_class_holds_a_field_by_the_field_of_its_name() {
        Document document = new Document();
        FieldPlaces.settable(LOOKUP, Document.class, MemberFields.CITY).accept(document, "Oslo");
        assertThat(document.city).isEqualTo("Oslo");
    }

    @Test
    void a_class_without_the_fields_name_or_holding_another_type_is_refused_at_once() {
        assertThatThrownBy(() -> FieldPlaces.component(LOOKUP, Elsewhere.class, MemberFields.CITY))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("Elsewhere has no place for the field city");
        assertThatThrownBy(() -> FieldPlaces.wither(LOOKUP, Holder.class, MemberFields.SEAT_ID))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no place for the field seatId");
        assertThatThrownBy(() -> FieldPlaces.component(LOOKUP, Holder.class, MemberFields.DEPARTMENTS))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("java.util.List<java.lang.String>");
        assertThatThrownBy(() -> FieldPlaces.settable(LOOKUP, Document.class, MemberFields.EMPLOYMENT_DATE))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("holds java.lang.String");
        assertThatThrownBy(() -> FieldPlaces.settable(LOOKUP, Document.class, MemberFields.NAME))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no field of that name");
    }

    @Test
    void a_holder_without_a_wither_of_the_fields_name_is_refused() {
        record NoWither(String city) {
        }
        assertThatThrownBy(() -> FieldPlaces.wither(LOOKUP, NoWither.class, MemberFields.CITY))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no place for the field city");
    }

    @Test
    void a_plain_type_takes_its_subtypes_and_a_generic_type_only_itself() {
        assertThat(FieldPlaces.takes(Object.class, String.class)).isTrue();
        assertThat(FieldPlaces.takes(boolean.class, Boolean.class)).isFalse();
        assertThat(FieldPlaces.takes(String.class, Object.class)).isFalse();
        assertThat(FieldPlaces.takes(MemberFields.DEPARTMENTS.valueType(), MemberFields.DEPARTMENTS.valueType())).isTrue();
        assertThat(FieldPlaces.takes(MemberFields.DOTTED_LINE_MANAGERS.valueType(), MemberFields.DEPARTMENTS.valueType()))
                .isFalse();
        assertThat(MemberFields.DEPARTMENTS.valueType().getTypeName()).isEqualTo("java.util.List<" + DepartmentId.class.getName() + ">");
    }
}
