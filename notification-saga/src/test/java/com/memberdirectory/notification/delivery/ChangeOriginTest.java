package com.memberdirectory.notification.delivery;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ChangeOriginTest {

    @Test
    void the_console_the_api_and_imports_are_administrators_changes() {
        assertThat(new ChangeOrigin("admin", "API").byAdministrator()).isTrue();
        assertThat(new ChangeOrigin("admin", "IMPORT:7").byAdministrator()).isTrue();
    }

    @Test
    void a_provisioning_client_over_scim_counts_as_an_administrator_and_is_named_so() {
        assertThat(new ChangeOrigin("entra-client", "SCIM").byAdministrator()).isTrue();
        assertThat(new ChangeOrigin("entra-client", "SCIM").describe()).isEqualTo("entra-client (SCIM provisioning)");
        assertThat(new ChangeOrigin(null, "SCIM").byAdministrator()).isFalse();
    }

    @Test
    void the_system_and_unknown_origins_are_not() {
        assertThat(new ChangeOrigin("system", "SYSTEM").byAdministrator()).isFalse();
        assertThat(new ChangeOrigin(null, "API").byAdministrator()).isFalse();
        assertThat(new ChangeOrigin("admin", null).byAdministrator()).isFalse();
    }

    @Test
    void a_change_by_the_member_themself_is_recognised_by_user_id() {
        assertThat(new ChangeOrigin("Ann", "API").byMember("ann")).isTrue();
        assertThat(new ChangeOrigin("admin", "API").byMember("ann")).isFalse();
    }

    @Test
    void the_undo_of_an_import_is_an_administrators_change_and_named_so() {
        assertThat(new ChangeOrigin("admin", "UNDO:7").byAdministrator()).isTrue();
        assertThat(new ChangeOrigin("admin", "UNDO:7").describe()).isEqualTo("admin (undo of import 7)");
    }

    @Test
    void an_import_is_named_in_the_message() {
        assertThat(new ChangeOrigin("admin", "IMPORT:7").describe()).isEqualTo("admin (import 7)");
        assertThat(new ChangeOrigin("admin", "API").describe()).isEqualTo("admin");
    }
}
