package com.memberdirectory.app.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.memberdirectory.testsupport.Api;

import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an admin sees of the whole directory: every member with its version, the departments and the fields.
 * Taken before and after a hostile request to show that it changed nothing.
 */
public record DirectoryState(Map<String, Long> memberVersions, JsonNode departments, JsonNode fields) {

    private static final int PAGE = 500;

    public static DirectoryState of(Api admin) {
        Map<String, Long> versions = new TreeMap<>();
        for (int page = 0; ; page++) {
            Api.Response list = admin.get("/api/members?page=" + page + "&size=" + PAGE);
            assertThat(list.status()).isEqualTo(200);
            list.body().get("items").forEach(member -> versions.put(member.get("id").asText(), member.get("version").asLong()));
            if (list.body().get("items").size() < PAGE) {
                break;
            }
        }
        return new DirectoryState(versions, admin.get("/api/departments").body(), admin.get("/api/fields").body());
    }

    /** Nothing in the directory has changed since {@code before}. */
    public void assertSame(Api admin) {
        DirectoryState now = of(admin);
        assertThat(now.memberVersions()).as("members and their versions").isEqualTo(memberVersions);
        assertThat(now.departments()).as("departments").isEqualTo(departments);
        assertThat(now.fields()).as("fields").isEqualTo(fields);
    }

    /**
     * The service still takes an ordinary edit: {@code memberId} gets a new alias, answered at once, and the member
     * list finds it by that alias.
     */
    public static void assertEditsStillWork(Api admin, String memberId) {
        String alias = "alias" + java.util.UUID.randomUUID().toString().substring(0, 8);
        Api.Response edited = admin.patch("/api/members/" + memberId, Map.of("alias", alias));
        assertThat(edited.status()).as(String.valueOf(edited.body())).isEqualTo(200);
        JsonNode found = admin.get("/api/members?q=" + alias).body();
        assertThat(found.get("total").asLong()).isEqualTo(1);
        assertThat(found.at("/items/0/id").asText()).isEqualTo(memberId);
        assertThat(found.at("/items/0/version").asLong()).isEqualTo(edited.body().get("version").asLong());
    }
}
