package com.memberdirectory.app.scim;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScimGroupsTest {

    private static ScimGroups.MemberChanges read(String operations) {
        return ScimGroups.read(ScimFilterTest.json("{\"Operations\":" + operations + "}"));
    }

    @Test
    void reads_the_member_operations_providers_send() {
        ScimGroups.MemberChanges entra = read("[{\"op\":\"Add\",\"path\":\"members\",\"value\":[{\"value\":\"m-1\"},{\"value\":\"m-2\"}]},"
                + "{\"op\":\"Remove\",\"path\":\"members\",\"value\":[{\"value\":\"m-3\"}]}]");
        assertThat(entra.added()).containsExactly("m-1", "m-2");
        assertThat(entra.removed()).containsExactly("m-3");
        assertThat(entra.replace()).isNull();
        ScimGroups.MemberChanges okta = read("[{\"op\":\"remove\",\"path\":\"members[value eq \\\"m-4\\\"]\"}]");
        assertThat(okta.removed()).containsExactly("m-4");
        assertThat(read("[{\"op\":\"add\",\"value\":{\"members\":[{\"value\":\"m-5\"}]}}]").added()).containsExactly("m-5");
        assertThat(read("[{\"op\":\"replace\",\"path\":\"members\",\"value\":[{\"value\":\"m-6\"}]}]").replace())
                .isEqualTo(Set.of("m-6"));
        assertThat(read("[{\"op\":\"remove\",\"path\":\"members\"}]").clearAll()).isTrue();
    }

    @Test
    void refuses_everything_but_members() {
        assertRefused("[{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"x\"}]", "mutability");
        assertRefused("[{\"op\":\"replace\",\"value\":{\"displayName\":\"x\"}}]", "mutability");
        assertRefused("[{\"op\":\"add\",\"path\":\"owners\",\"value\":[]}]", "invalidPath");
        assertRefused("[{\"op\":\"remove\",\"path\":\"members[display co \\\"x\\\"]\"}]", "invalidPath");
        assertRefused("[{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"display\":\"no id\"}]}]", "invalidValue");
        assertRefused("[{\"op\":\"copy\",\"path\":\"members\"}]", "invalidSyntax");
        assertRefused("[{\"op\":\"remove\"}]", "noTarget");
        assertRefused("[]", "invalidSyntax");
    }

    private static void assertRefused(String operations, String scimType) {
        assertThatThrownBy(() -> read(operations)).as(operations)
                .isInstanceOfSatisfying(ScimException.class, e -> assertThat(e.scimType()).isEqualTo(scimType));
    }
}
