package com.memberdirectory.command.importing;

import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class UserIdsInFileTest {

    @Test
    void userIdsAreComparedIgnoringCaseAndSurroundingSpaces() {
        UserIdsInFile file = new UserIdsInFile();
        String member = UUID.randomUUID().toString();
        file.putIfAbsent(" Ada.Lovelace ", member);
        assertThat(file.memberIdOf("ada.lovelace")).isEqualTo(member);
        assertThat(file.memberIdOf("ADA.LOVELACE  ")).isEqualTo(member);
        assertThat(file.memberIdOf("ada")).isNull();
    }

    @Test
    void theFirstRowToGiveAUserIdKeepsIt() {
        UserIdsInFile file = new UserIdsInFile();
        file.putIfAbsent("ada", "00000000-0000-7000-8000-000000000001");
        file.putIfAbsent("ADA", "00000000-0000-7000-8000-000000000002");
        assertThat(file.memberIdOf("ada")).isEqualTo("00000000-0000-7000-8000-000000000001");
    }

    @Test
    void memberIdsComeBackExactlyAsGivenWhateverTheirForm() {
        UserIdsInFile file = new UserIdsInFile();
        file.putIfAbsent("upper", "0B5E4C2A-1D3F-4A6B-8C7D-9E0F1A2B3C4D");
        file.putIfAbsent("short", "legacy-42");
        file.putIfAbsent("almost", "0b5e4c2a-1d3f-4a6b-8c7d-9e0f1a2b3c4");
        assertThat(file.memberIdOf("upper")).isEqualTo("0B5E4C2A-1D3F-4A6B-8C7D-9E0F1A2B3C4D");
        assertThat(file.memberIdOf("short")).isEqualTo("legacy-42");
        assertThat(file.memberIdOf("almost")).isEqualTo("0b5e4c2a-1d3f-4a6b-8c7d-9e0f1a2b3c4");
    }

    @Test
    void twoHundredThousandRowsKeepTheirMembers() {
        UserIdsInFile file = new UserIdsInFile();
        String[] members = new String[200_000];
        for (int i = 0; i < members.length; i++) {
            members[i] = UUID.randomUUID().toString();
            file.putIfAbsent("user" + i, members[i]);
        }
        for (int i = 0; i < members.length; i++) {
            if (!members[i].equals(file.memberIdOf("USER" + i))) {
                throw new AssertionError("user" + i + " answered " + file.memberIdOf("user" + i));
            }
        }
    }
}
