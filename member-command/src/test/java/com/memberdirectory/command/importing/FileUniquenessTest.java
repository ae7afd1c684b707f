package com.memberdirectory.command.importing;

import com.memberdirectory.command.uniqueness.InMemoryUniqueValues;
import com.memberdirectory.kernel.member.MemberId;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.memberdirectory.kernel.workbook.MemberColumns.MEMBER_ID;
import static com.memberdirectory.kernel.workbook.MemberColumns.NAME;
import static com.memberdirectory.kernel.workbook.MemberColumns.PHONE;
import static com.memberdirectory.kernel.workbook.MemberColumns.USER_ID;
import static com.memberdirectory.kernel.workbook.MemberColumns.WORK_EMAIL;
import static org.assertj.core.api.Assertions.assertThat;

class FileUniquenessTest {

    private static final List<String> HEADER = List.of(MEMBER_ID, NAME, USER_ID, WORK_EMAIL, PHONE);

    private final FileUniqueness seen = new FileUniqueness(
            new RowTranslator(HEADER, List.of(), new InMemoryUniqueValues(), new UserIdsInFile()));

    @Test
    void rowsWithTheirOwnValuesPass() {
        assertThat(seen.check(2, List.of("m1", "Ada", "ada", "ada@example.com", "+8613800000001"), new MemberId("m1"))).isEmpty();
        assertThat(seen.check(3, List.of("m2", "Bob", "bob", "bob@example.com", "+8613800000002"), new MemberId("m2"))).isEmpty();
    }

    @Test
    void aValueGivenAgainIsReportedOnTheLaterRowNamingTheEarlierOne() {
        seen.check(2, List.of("m1", "Ada", "ada", "ada@example.com", "+86 138 0000 0001"), new MemberId("m1"));
        List<String> problems = seen.check(5, List.of("m2", "Bob", " ADA ", "Ada@Example.com", "+8613800000001"),
                new MemberId("m2"));
        assertThat(problems).containsExactly(
                USER_ID + ": 'ADA' is also given to another member in row 2.",
                WORK_EMAIL + ": 'Ada@Example.com' is also given to another member in row 2.",
                PHONE + ": '+8613800000001' is also given to another member in row 2.");
    }

    @Test
    void aMemberInTwoRowsIsReportedOnceOnTheSecond() {
        seen.check(2, List.of("m1", "Ada", "ada", "", ""), new MemberId("m1"));
        assertThat(seen.check(9, List.of("m1", "Ada", "ada", "", ""), new MemberId("m1")))
                .containsExactly(MEMBER_ID + ": this member is already in row 2; put all changes of a member in one row.");
    }

    @Test
    void emptyCellsAreNotValues() {
        assertThat(seen.check(2, List.of("m1", "Ada", "", " ", ""), new MemberId("m1"))).isEmpty();
        assertThat(seen.check(3, List.of("m2", "Bob", "", " ", ""), new MemberId("m2"))).isEmpty();
    }
}
