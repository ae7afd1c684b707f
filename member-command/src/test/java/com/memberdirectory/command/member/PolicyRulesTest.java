package com.memberdirectory.command.member;

import com.memberdirectory.kernel.department.DepartmentId;
import com.memberdirectory.kernel.problem.DomainRuleViolation;
import com.memberdirectory.kernel.problem.ErrorCode;
import com.memberdirectory.kernel.problem.FieldError;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class PolicyRulesTest {

    static void assertViolation(ThrowingCallable call, ErrorCode code, String... fields) {
        DomainRuleViolation violation = catchThrowableOfType(DomainRuleViolation.class, call);
        assertThat(violation).as("a rule violation").isNotNull();
        assertThat(violation.code()).isEqualTo(code);
        assertThat(violation.errors()).extracting(FieldError::field).containsExactly(fields);
    }

    @Nested
    class Name_rule {
        private final NameRule rule = new NameRule();

        @Test
        void a_name_is_trimmed() {
            assertThat(rule.check("  Alice  ")).isEqualTo("Alice");
        }

        @Test
        void a_missing_or_blank_name_is_required() {
            assertViolation(() -> rule.check(null), ErrorCode.NAME_REQUIRED, "name");
            assertViolation(() -> rule.check(" \t "), ErrorCode.NAME_REQUIRED, "name");
        }

        @Test
        void sixty_four_characters_are_allowed_and_sixty_five_are_not() {
            assertThat(rule.check("a".repeat(64))).hasSize(64);
            assertViolation(() -> rule.check("a".repeat(65)), ErrorCode.INVALID_VALUE, "name");
        }

        @Test
        void characters_are_counted_as_code_points() {
            String emoji = "\uD83D\uDE00";
            assertThat(rule.check(emoji.repeat(64))).isEqualTo(emoji.repeat(64));
        }
    }

    @Nested
    class User_id_rule {
        private final UserIdRule rule = new UserIdRule();

        @Test
        void letters_digits_underscore_dash_and_dot_are_allowed() {
            assertThat(rule.check(" a.b_c-9 ")).isEqualTo("a.b_c-9");
            assertThat(rule.check("张伟")).isEqualTo("张伟");
        }

        @Test
        void other_characters_are_refused() {
            assertViolation(() -> rule.check("alice smith"), ErrorCode.INVALID_VALUE, "userId");
            assertViolation(() -> rule.check("alice@example"), ErrorCode.INVALID_VALUE, "userId");
        }

        @Test
        void at_most_64_characters() {
            assertThat(rule.check("a".repeat(64))).hasSize(64);
            assertViolation(() -> rule.check("a".repeat(65)), ErrorCode.INVALID_VALUE, "userId");
        }

        @Test
        void a_user_id_cannot_be_blank() {
            assertViolation(() -> rule.check(null), ErrorCode.INVALID_VALUE, "userId");
            assertViolation(() -> rule.check(""), ErrorCode.INVALID_VALUE, "userId");
        }

        @Test
        void generated_user_ids_pass_the_rule_and_differ() {
            String first = rule.generate();
            assertThat(rule.check(first)).isEqualTo(first).matches("u-[a-z0-9]{10}");
            assertThat(rule.generate()).isNotEqualTo(first);
        }

        @Test
        void user_ids_are_unique_regardless_of_case() {
            assertThat(UserIdRule.uniquenessKey("Alice")).isEqualTo(UserIdRule.uniquenessKey("aLICE"));
        }
    }

    @Nested
    class Email_address_rule {
        private final EmailAddressRule rule = new EmailAddressRule();

        @Test
        void a_valid_address_is_trimmed() {
            assertThat(rule.check("workEmail", " alice.l+tag@mail.example.com ")).isEqualTo("alice.l+tag@mail.example.com");
        }

        @Test
        void a_blank_address_clears_the_field() {
            assertThat(rule.check("workEmail", null)).isNull();
            assertThat(rule.check("workEmail", "  ")).isNull();
        }

        @Test
        void invalid_addresses_are_refused_on_the_named_field() {
            for (String bad : List.of("alice", "alice@", "@example.com", "alice@example", "alice@@example.com",
                    "alice smith@example.com", "alice@-example.com")) {
                assertViolation(() -> rule.check("workEmail", bad), ErrorCode.INVALID_EMAIL, "workEmail");
            }
            assertViolation(() -> rule.check("businessEmail", "x"), ErrorCode.INVALID_EMAIL, "businessEmail");
        }

        @Test
        void an_address_longer_than_254_characters_is_refused() {
            String longAddress = "a".repeat(64) + "@" + ("b".repeat(60) + ".").repeat(3) + "com" + ".example.com";
            assertThat(longAddress.length()).isGreaterThan(254);
            assertViolation(() -> rule.check("workEmail", longAddress), ErrorCode.INVALID_EMAIL, "workEmail");
        }

        @Test
        void addresses_are_unique_regardless_of_case() {
            assertThat(EmailAddressRule.uniquenessKey("Alice@Example.COM")).isEqualTo("alice@example.com");
        }
    }

    @Nested
    class Phone_number_rule {
        private final PhoneNumberRule chinese = new PhoneNumberRule("CN");

        @Test
        void a_number_without_plus_is_read_in_the_default_region() {
            assertThat(chinese.check("13800138000")).isEqualTo("+8613800138000");
            assertThat(chinese.check("138 0013 8000")).isEqualTo("+8613800138000");
            assertThat(new PhoneNumberRule("us").check("(202) 555-0143")).isEqualTo("+12025550143");
        }

        @Test
        void a_number_with_plus_keeps_its_country() {
            assertThat(chinese.check("+44 20 7946 0958")).isEqualTo("+442079460958");
        }

        @Test
        void a_blank_number_clears_the_field() {
            assertThat(chinese.check(null)).isNull();
            assertThat(chinese.check(" ")).isNull();
        }

        @Test
        void numbers_that_cannot_exist_or_do_not_parse_are_refused() {
            assertViolation(() -> chinese.check("12345"), ErrorCode.INVALID_PHONE, "phone");
            assertViolation(() -> chinese.check("not a phone"), ErrorCode.INVALID_PHONE, "phone");
            assertViolation(() -> chinese.check("+1 000 000 0000"), ErrorCode.INVALID_PHONE, "phone");
        }

        @Test
        void an_unknown_default_region_is_a_configuration_error() {
            assertThatIllegalArgumentException().isThrownBy(() -> new PhoneNumberRule("XX"));
            assertThatIllegalArgumentException().isThrownBy(() -> new PhoneNumberRule(null));
        }
    }

    @Nested
    class Phone_or_work_email_required {
        private final PhoneOrWorkEmailRequired rule = new PhoneOrWorkEmailRequired();

        @Test
        void a_phone_or_a_work_email_or_both_is_enough() {
            rule.check("+8613800138000", null);
            rule.check(null, "alice@example.com");
            rule.check("+8613800138000", "alice@example.com");
        }

        @Test
        void neither_is_refused_naming_both_fields() {
            assertViolation(() -> rule.check(null, null), ErrorCode.PHONE_OR_WORK_EMAIL_REQUIRED, "phone", "workEmail");
        }
    }

    @Nested
    class Departments_required {
        private static final DepartmentId SALES = new DepartmentId("sales");
        private static final DepartmentId EMEA = new DepartmentId("emea");
        private final DepartmentsRequired rule = new DepartmentsRequired();
        private final Set<DepartmentId> existing = Set.of(SALES, EMEA);

        @Test
        void departments_are_kept_in_order_without_duplicates() {
            assertThat(rule.check(List.of(EMEA, SALES, EMEA), existing::contains)).containsExactly(EMEA, SALES);
        }

        @Test
        void at_least_one_department_is_required() {
            assertViolation(() -> rule.check(null, existing::contains), ErrorCode.DEPARTMENT_REQUIRED, "departmentIds");
            assertViolation(() -> rule.check(List.of(), existing::contains), ErrorCode.DEPARTMENT_REQUIRED, "departmentIds");
        }

        @Test
        void every_department_must_exist() {
            assertViolation(() -> rule.check(List.of(SALES, new DepartmentId("nowhere")), existing::contains),
                    ErrorCode.UNKNOWN_DEPARTMENT, "departmentIds");
            assertViolation(() -> rule.check(Arrays.asList(SALES, null), existing::contains),
                    ErrorCode.UNKNOWN_DEPARTMENT, "departmentIds");
        }
    }
}
