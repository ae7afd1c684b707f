package com.memberdirectory.command;

import com.memberdirectory.command.admin.Administrator;
import com.memberdirectory.command.department.Department;
import com.memberdirectory.command.field.FieldCatalog;
import com.memberdirectory.command.importing.ImportJob;
import com.memberdirectory.kernel.admin.AdminEvent;
import com.memberdirectory.kernel.department.DepartmentEvent;
import com.memberdirectory.kernel.field.FieldEvent;
import com.memberdirectory.kernel.importing.ImportEvent;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each aggregate folds exactly its own family of events: every event its sealed family names has an event-sourcing
 * handler in the aggregate, and the aggregate handles nothing else. A new event added to a family without a handler
 * (its state would silently not change on replay) fails here. The member's family is checked by
 * {@code MemberFieldsCoverageTest}; the notification families by the notification saga's and log's tests.
 */
class EventFamiliesTest {

    static Stream<Arguments> families() {
        return Stream.of(
                Arguments.of(Administrator.class, AdminEvent.class),
                Arguments.of(Department.class, DepartmentEvent.class),
                Arguments.of(FieldCatalog.class, FieldEvent.class),
                Arguments.of(ImportJob.class, ImportEvent.class));
    }

    @ParameterizedTest
    @MethodSource("families")
    void an_aggregate_folds_every_event_of_its_family_and_nothing_else(Class<?> aggregate, Class<?> family) {
        assertThat(family.isSealed()).isTrue();
        assertThat(handled(aggregate, EventSourcingHandler.class))
                .as(aggregate.getSimpleName() + "'s event-sourcing handlers")
                .containsExactlyInAnyOrder(family.getPermittedSubclasses());
    }

    /** The event types of {@code type}'s methods annotated with {@code annotation} (their first parameter). */
    private static Class<?>[] handled(Class<?> type, Class<? extends java.lang.annotation.Annotation> annotation) {
        return Arrays.stream(type.getDeclaredMethods())
                .filter(method -> method.isAnnotationPresent(annotation))
                .map(Method::getParameterTypes)
                .map(parameters -> parameters[0])
                .toArray(Class<?>[]::new);
    }
}
