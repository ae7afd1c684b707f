package com.memberdirectory.command.member;

import com.memberdirectory.kernel.field.FieldType;
import com.memberdirectory.kernel.problem.ErrorCode;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static com.memberdirectory.command.member.RecordRulesTest.refused;
import static org.assertj.core.api.Assertions.assertThat;

class FieldValueRuleTest {

    FieldValueRule rule = new FieldValueRule();

    /** jobTitle without options; skills with Java and Go; other custom fields by type. */
    FieldLookups fields = new FieldLookups() {
        final Map<String, FieldType> types = Map.of("jobTitle", FieldType.SINGLE_OPTION, "skills", FieldType.MULTI_OPTION,
                "note", FieldType.TEXT, "level", FieldType.NUMBER, "since", FieldType.DATE, "site", FieldType.URL,
                "mentor", FieldType.MEMBER);
        final Map<String, String> options = Map.of("skills/java", "j1", "skills/go", "g1");

        @Override
        public Optional<FieldType> typeOf(String key) {
            return Optional.ofNullable(types.get(key));
        }

        @Override
        public Optional<String> optionIdByLabel(String key, String label) {
            return Optional.ofNullable(options.get(key + "/" + label.toLowerCase()));
        }

        @Override
        public boolean hasOptions(String key) {
            return key.equals("skills");
        }
    };

    List<String> value(String key, Object raw) {
        return rule.value(key, "custom." + key, raw, fields, id -> id.value().equals("m1"));
    }

    @Test
    void a_job_title_before_options_exist_says_to_add_options_first() {
        refused(() -> rule.option("jobTitle", "Engineer", fields), ErrorCode.NO_OPTIONS_DEFINED, "jobTitle");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> rule.option("jobTitle", "Engineer", fields))
                .hasMessageContaining("must add options");
    }

    @Test
    void option_labels_become_ids_ignoring_case_and_unknown_labels_are_refused() {
        assertThat(value("skills", List.of("JAVA", "go", "java"))).containsExactly("j1", "g1");
        assertThat(value("skills", "Go; Java")).containsExactly("g1", "j1");
        refused(() -> value("skills", List.of("Rust")), ErrorCode.UNKNOWN_OPTION, "custom.skills");
    }

    @Test
    void numbers_dates_urls_and_members_are_checked_and_canonical() {
        assertThat(value("level", "3.50")).containsExactly("3.5");
        assertThat(value("level", new BigDecimal("10"))).containsExactly("10");
        refused(() -> value("level", "three"), ErrorCode.INVALID_VALUE, "custom.level");
        assertThat(value("since", "2024-03-01")).containsExactly("2024-03-01");
        refused(() -> value("since", "01/03/2024"), ErrorCode.INVALID_VALUE, "custom.since");
        assertThat(value("site", "https://example.org/x")).containsExactly("https://example.org/x");
        refused(() -> value("site", "ftp://example.org"), ErrorCode.INVALID_VALUE, "custom.site");
        refused(() -> value("site", "javascript:alert(1)"), ErrorCode.INVALID_VALUE, "custom.site");
        assertThat(value("mentor", "m1")).containsExactly("m1");
        refused(() -> value("mentor", "m2"), ErrorCode.UNKNOWN_MEMBER, "custom.mentor");
    }

    @Test
    void text_is_limited_to_a_thousand_characters_and_blank_clears() {
        assertThat(value("note", "x".repeat(1000))).hasSize(1);
        refused(() -> value("note", "x".repeat(1001)), ErrorCode.INVALID_VALUE, "custom.note");
        assertThat(value("note", " ")).isEmpty();
        assertThat(value("note", null)).isEmpty();
    }

    @Test
    void a_value_for_an_unknown_field_is_an_error() {
        refused(() -> value("nope", "x"), ErrorCode.UNKNOWN_FIELD, "custom.nope");
    }

}
