package com.memberdirectory.app.architecture;

import com.memberdirectory.command.member.Member;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaAccess.Predicates.origin;

/**
 * A member's lookup-table entries (unique values, manager graph, option use) follow its events because every event
 * goes through one method of {@link Member}, {@code applyEvent} (docs/architecture.md): a handler that applied an
 * event directly would skip its claims and releases.
 */
class MemberEventPathTest {

    @Test
    void the_member_applies_events_only_through_the_method_that_keeps_its_claims() {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("com.memberdirectory.command");
        noClasses().that().belongToAnyOf(Member.class)
                .should().callMethodWhere(target(owner(assignableTo(AggregateLifecycle.class))).and(target(name("apply")))
                        .and(origin(not(name("applyEvent")))))
                .because("every event of a member must pass MemberClaims")
                .check(classes);
    }
}
