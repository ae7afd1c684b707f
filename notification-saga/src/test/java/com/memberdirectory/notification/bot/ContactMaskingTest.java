package com.memberdirectory.notification.bot;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ContactMaskingTest {

    @Test
    void an_email_keeps_its_first_letter_and_its_domain() {
        assertThat(ContactMasking.email("john@example.com")).isEqualTo("j***@example.com");
        assertThat(ContactMasking.email("a@b.org")).isEqualTo("a***@b.org");
    }

    @Test
    void something_that_is_not_an_email_is_hidden_entirely() {
        assertThat(ContactMasking.email("no-at-sign")).isEqualTo("***");
        assertThat(ContactMasking.email("@example.com")).isEqualTo("***");
    }

    @Test
    void a_phone_number_shows_its_country_code_and_hides_the_middle_of_the_national_number() {
        assertThat(ContactMasking.phone("+8613800138000")).isEqualTo("+86 138****8000");
        assertThat(ContactMasking.phone("+14155552671")).isEqualTo("+1 415***2671");
        assertThat(ContactMasking.phone("+442071838750")).isEqualTo("+44 207***8750");
    }

    @Test
    void a_short_number_shows_only_its_last_two_digits() {
        assertThat(ContactMasking.phone("+3726123456")).isEqualTo("+372 *****56");
    }

    @Test
    void a_missing_value_says_so() {
        assertThat(ContactMasking.phone(null)).isEqualTo("(none)");
        assertThat(ContactMasking.email(null)).isEqualTo("(none)");
    }
}
