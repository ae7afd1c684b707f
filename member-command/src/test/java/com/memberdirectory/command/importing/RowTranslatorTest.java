package com.memberdirectory.command.importing;

import com.memberdirectory.command.uniqueness.InMemoryUniqueValues;
import com.memberdirectory.command.uniqueness.UniqueKind;
import com.memberdirectory.kernel.member.LoginEmailType;
import com.memberdirectory.kernel.member.MemberId;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.memberdirectory.kernel.workbook.MemberColumns.LOGIN_EMAIL_TYPE;
import static com.memberdirectory.kernel.workbook.MemberColumns.LOGIN_PASSWORD;
import static com.memberdirectory.kernel.workbook.MemberColumns.MEMBER_ID;
import static com.memberdirectory.kernel.workbook.MemberColumns.NAME;
import static org.assertj.core.api.Assertions.assertThat;

class RowTranslatorTest {

    private final InMemoryUniqueValues lookups = new InMemoryUniqueValues().given(UniqueKind.MEMBER, "m1", "m1");

    private RowTranslator translator(List<String> header) {
        return new RowTranslator(header, List.of(), lookups, new UserIdsInFile());
    }

    @Test
    void the_login_password_column_is_read_with_the_login_type() {
        RowTranslator.Translated row = translator(List.of(MEMBER_ID, LOGIN_EMAIL_TYPE, " login PASSWORD "))
                .translate(List.of("m1", "Business email", "Secret123"));
        assertThat(row.ok()).isTrue();
        assertThat(row.memberId()).isEqualTo(new MemberId("m1"));
        assertThat(row.loginEmailType()).isEqualTo(LoginEmailType.BUSINESS_EMAIL);
        assertThat(row.loginPassword()).isEqualTo("Secret123");
    }

    @Test
    void an_empty_or_missing_login_password_gives_none() {
        assertThat(translator(List.of(MEMBER_ID, LOGIN_EMAIL_TYPE, LOGIN_PASSWORD))
                .translate(List.of("m1", "Business email", " ")).loginPassword()).isNull();
        assertThat(translator(List.of(MEMBER_ID, LOGIN_EMAIL_TYPE, LOGIN_PASSWORD))
                .translate(List.of("m1", "Business email")).loginPassword()).isNull();
        assertThat(translator(List.of(MEMBER_ID, NAME)).translate(List.of("m1", "Ann")).loginPassword()).isNull();
    }

    @Test
    void a_translated_row_never_prints_its_password() {
        RowTranslator.Translated row = translator(List.of(MEMBER_ID, LOGIN_EMAIL_TYPE, LOGIN_PASSWORD))
                .translate(List.of("m1", "Business email", "Secret123"));
        assertThat(row.toString()).doesNotContain("Secret123").contains("loginPassword=***");
    }
}
