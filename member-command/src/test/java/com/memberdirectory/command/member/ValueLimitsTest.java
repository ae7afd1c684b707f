package com.memberdirectory.command.member;

import com.memberdirectory.kernel.department.DepartmentId;
import com.memberdirectory.kernel.field.FieldType;
import com.memberdirectory.kernel.member.MemberChanges;
import com.memberdirectory.kernel.member.MemberFields;
import com.memberdirectory.kernel.member.MemberId;
import com.memberdirectory.kernel.problem.ErrorCode;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.IntStream;

import static com.memberdirectory.command.member.RecordRulesTest.refused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Values meant to break the directory later (in the list, the export, a re-import) are refused where they enter. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ValueLimitsTest {

    /** Characters that cannot be shown or exported, each inside otherwise ordinary text. */
    static final List<String> UNPRINTABLE = List.of("\u0000", "\t", "\n", "\u000B", "\u001F", "\u007F", "\u0085", "\u009F",
            "\uFFFE", "\uFFFF", "\uD800", "\uDC00", "\uDC00\uD800");

    static final Predicate<Object> NO_LOOKUPS = id -> {
        throw new AssertionError("looked up " + id);
    };

    @Nested
    class Plain_text {

        @Test
        void control_characters_noncharacters_and_half_surrogate_pairs_are_refused_naming_the_field() {
            for (String bad : UNPRINTABLE) {
                refused(() -> PlainTextRule.check("city", "Li" + bad + "ma"), ErrorCode.INVALID_VALUE, "city");
            }
        }

        @Test
        void the_message_names_the_character_and_where_it_is() {
            assertThatThrownBy(() -> PlainTextRule.check("alias", "ab\u000Bc")).hasMessageContaining("U+000B at position 3");
        }

        @Test
        void letters_of_any_script_and_emoji_are_plain() {
            String text = "Zoë 张伟 \uD83D\uDE00 O'Brien-Smith";
            assertThat(PlainTextRule.check("name", text)).isEqualTo(text);
        }

        @Test
        void every_text_rule_refuses_them() {
            BusinessEmailRule business = new BusinessEmailRule(List.of("corp.example"));
            FieldValueRule values = new FieldValueRule();
            for (String bad : UNPRINTABLE) {
                refused(() -> new NameRule().check("Ali" + bad + "ce"), ErrorCode.INVALID_VALUE, "name");
                for (String field : List.of("surname", "firstName", "alias", "city", "seatId", "employeeId")) {
                    refused(() -> new OptionalTextRule().check(field, "x" + bad + "y"), ErrorCode.INVALID_VALUE, field);
                }
                refused(() -> new UserIdRule().check("al" + bad + "ice"), ErrorCode.INVALID_VALUE, "userId");
                refused(() -> new EmailAddressRule().check("workEmail", "al" + bad + "ice@example.com"),
                        ErrorCode.INVALID_VALUE, "workEmail");
                refused(() -> business.check("al" + bad + "ice@corp.example"), ErrorCode.INVALID_VALUE, "businessEmail");
                refused(() -> values.value("note", "custom.note", "a" + bad + "b", FIELDS, id -> true),
                        ErrorCode.INVALID_VALUE, "custom.note");
                refused(() -> values.value("site", "custom.site", "https://example.org/a" + bad + "b", FIELDS, id -> true),
                        ErrorCode.INVALID_VALUE, "custom.site");
            }
        }

        @Test
        void surrounding_whitespace_is_still_trimmed_rather_than_refused() {
            assertThat(new NameRule().check("\tAlice\n")).isEqualTo("Alice");
            assertThat(new OptionalTextRule().check("city", " Lima\r\n")).isEqualTo("Lima");
        }
    }

    @Nested
    class Dates {
        DateRangeRule rule = new DateRangeRule();

        @Test
        void the_first_day_of_1900_and_the_last_of_2100_are_the_ends_of_the_range() {
            assertThat(rule.check("employmentDate", LocalDate.of(1900, 1, 1))).isEqualTo("1900-01-01");
            assertThat(rule.check("employmentDate", LocalDate.of(2100, 12, 31))).isEqualTo("2100-12-31");
            refused(() -> rule.check("employmentDate", LocalDate.of(1899, 12, 31)), ErrorCode.INVALID_VALUE, "employmentDate");
            refused(() -> rule.check("employmentDate", LocalDate.of(2101, 1, 1)), ErrorCode.INVALID_VALUE, "employmentDate");
            refused(() -> rule.check("employmentDate", LocalDate.MAX), ErrorCode.INVALID_VALUE, "employmentDate");
            refused(() -> rule.check("employmentDate", LocalDate.MIN), ErrorCode.INVALID_VALUE, "employmentDate");
        }

        @Test
        void no_date_clears_the_field() {
            assertThat(rule.check("employmentDate", null)).isNull();
        }

        @Test
        void a_date_custom_field_has_the_same_range() {
            FieldValueRule values = new FieldValueRule();
            assertThat(values.value("since", "custom.since", "2100-12-31", FIELDS, id -> true)).containsExactly("2100-12-31");
            refused(() -> values.value("since", "custom.since", "+999999999-12-31", FIELDS, id -> true),
                    ErrorCode.INVALID_VALUE, "custom.since");
            refused(() -> values.value("since", "custom.since", "1899-12-31", FIELDS, id -> true),
                    ErrorCode.INVALID_VALUE, "custom.since");
        }

        @Test
        void a_new_employment_date_is_checked_but_one_recorded_earlier_does_not_block_other_changes() {
            MemberPolicies policies = MemberPolicies.withDefaultPhoneRegion("CN");
            refused(() -> apply(MemberRecord.NEW, MemberChanges.builder().set(MemberFields.EMPLOYMENT_DATE, LocalDate.MAX).build(), policies),
                    ErrorCode.INVALID_VALUE, "employmentDate");
            MemberRecord legacy = MemberRecord.NEW.withName("Old").withWorkEmail("old@example.com")
                    .withDepartmentIds(List.of(new DepartmentId("d"))).withEmploymentDate(LocalDate.MAX);
            assertThat(apply(legacy, MemberChanges.builder().set(MemberFields.CITY, "Lima").build(), policies).city()).isEqualTo("Lima");
            assertThat(apply(legacy, MemberChanges.builder().set(MemberFields.EMPLOYMENT_DATE, LocalDate.MAX).build(), policies).employmentDate())
                    .as("an import row repeating the recorded date").isEqualTo(LocalDate.MAX);
            assertThat(apply(legacy, MemberChanges.builder().set(MemberFields.EMPLOYMENT_DATE, LocalDate.of(2020, 2, 2)).build(), policies)
                    .employmentDate()).isEqualTo("2020-02-02");
        }

        private MemberRecord apply(MemberRecord current, MemberChanges changes, MemberPolicies policies) {
            return MemberRulebook.apply(current, changes, new MemberId("self"), policies, new MemberLookups() {
                @Override
                public boolean departmentExists(DepartmentId id) {
                    return true;
                }

                @Override
                public boolean memberExists(MemberId id) {
                    return true;
                }

                @Override
                public MemberId managerOf(MemberId id) {
                    return null;
                }
            }, FIELDS);
        }
    }

    @Nested
    class Numbers {
        FieldValueRule values = new FieldValueRule();

        List<String> level(Object raw) {
            return values.value("level", "custom.level", raw, FIELDS, id -> true);
        }

        @Test
        void a_quadrillion_either_side_of_zero_is_the_largest_number() {
            assertThat(level("1e15")).containsExactly("1000000000000000");
            assertThat(level("-1000000000000000")).containsExactly("-1000000000000000");
            refused(() -> level("1000000000000000.5"), ErrorCode.INVALID_VALUE, "custom.level");
            refused(() -> level(-1e16), ErrorCode.INVALID_VALUE, "custom.level");
        }

        @Test
        @Timeout(5)
        void huge_exponents_are_refused_without_writing_the_number_out() {
            refused(() -> level("1e999999999"), ErrorCode.INVALID_VALUE, "custom.level");
            refused(() -> level("1e-999999999"), ErrorCode.INVALID_VALUE, "custom.level");
            refused(() -> level("9".repeat(100_000)), ErrorCode.INVALID_VALUE, "custom.level");
        }

        @Test
        void twenty_decimal_places_are_kept_and_twenty_one_are_refused() {
            assertThat(level("0." + "0".repeat(19) + "1")).containsExactly("0." + "0".repeat(19) + "1");
            refused(() -> level("0." + "0".repeat(20) + "1"), ErrorCode.INVALID_VALUE, "custom.level");
            assertThat(level(0.1 + 0.2)).as("a spreadsheet's double").containsExactly("0.30000000000000004");
        }

        @Test
        void not_a_number_and_infinity_are_refused() {
            for (Object bad : List.of("NaN", "Infinity", "-Infinity", Double.NaN, Double.POSITIVE_INFINITY)) {
                refused(() -> level(bad), ErrorCode.INVALID_VALUE, "custom.level");
            }
        }
    }

    @Nested
    class Lists {

        @Test
        @Timeout(5)
        void a_thousand_dotted_line_managers_are_refused_before_any_lookup() {
            List<MemberId> thousand = IntStream.range(0, 1000).mapToObj(i -> new MemberId("m" + i)).toList();
            refused(() -> new DottedLineManagersRule().check(new MemberId("self"), thousand, NO_LOOKUPS::test),
                    ErrorCode.INVALID_VALUE, "dottedLineManagerIds");
        }

        @Test
        void fifty_departments_are_allowed_and_fifty_one_are_refused_before_any_lookup() {
            List<DepartmentId> fifty = IntStream.range(0, 50).mapToObj(i -> new DepartmentId("d" + i)).toList();
            assertThat(new DepartmentsRequired().check(fifty, id -> true)).hasSize(50);
            List<DepartmentId> more = IntStream.range(0, 51).mapToObj(i -> new DepartmentId("d" + i)).toList();
            refused(() -> new DepartmentsRequired().check(more, NO_LOOKUPS::test), ErrorCode.INVALID_VALUE, "departmentIds");
            assertThat(new DepartmentsRequired().check(IntStream.range(0, 1000).mapToObj(i -> new DepartmentId("d")).toList(),
                    id -> true)).as("the same department given many times counts once").hasSize(1);
        }

        @Test
        void a_hundred_options_may_be_chosen_and_a_hundred_and_one_are_refused_before_any_lookup() {
            FieldValueRule values = new FieldValueRule();
            List<String> hundred = IntStream.range(0, 100).mapToObj(i -> "S" + i).toList();
            assertThat(values.value("skills", "custom.skills", hundred, FIELDS, id -> true)).hasSize(100);
            List<String> more = IntStream.range(0, 101).mapToObj(i -> "S" + i).toList();
            refused(() -> values.value("skills", "custom.skills", more, NO_OPTION_LOOKUPS, id -> true),
                    ErrorCode.INVALID_VALUE, "custom.skills");
            refused(() -> values.value("skills", "custom.skills", String.join(";", more), NO_OPTION_LOOKUPS, id -> true),
                    ErrorCode.INVALID_VALUE, "custom.skills");
        }
    }

    /** Custom fields by type; the options of {@code skills} are S0 … S199. */
    static final FieldLookups FIELDS = new FieldLookups() {
        final Map<String, FieldType> types = Map.of("note", FieldType.TEXT, "site", FieldType.URL, "since", FieldType.DATE,
                "level", FieldType.NUMBER, "skills", FieldType.MULTI_OPTION);

        @Override
        public Optional<FieldType> typeOf(String key) {
            return Optional.ofNullable(types.get(key));
        }

        @Override
        public Optional<String> optionIdByLabel(String key, String label) {
            return key.equals("skills") && label.matches("S\\d{1,3}") ? Optional.of("o" + label.substring(1)) : Optional.empty();
        }

        @Override
        public boolean hasOptions(String key) {
            return key.equals("skills");
        }
    };

    static final FieldLookups NO_OPTION_LOOKUPS = new FieldLookups() {
        @Override
        public Optional<FieldType> typeOf(String key) {
            return FIELDS.typeOf(key);
        }

        @Override
        public Optional<String> optionIdByLabel(String key, String label) {
            throw new AssertionError("looked up option " + label);
        }

        @Override
        public boolean hasOptions(String key) {
            return true;
        }
    };
}
