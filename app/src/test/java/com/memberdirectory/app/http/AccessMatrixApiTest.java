package com.memberdirectory.app.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.memberdirectory.app.support.ApiTest;
import com.memberdirectory.testsupport.Api;
import com.memberdirectory.testsupport.Tokens;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every endpoint of the OpenAPI description, called by every kind of caller: the status each gets, and that no
 * answer carries what that caller may not see (a hidden phone, login details). A new endpoint without a row here
 * fails {@link #every_operation_of_the_api_description_has_a_row_in_the_matrix}.
 */
class AccessMatrixApiTest extends ApiTest {

    /** The authenticated callers; the target member is in the scoped admin's department except for SCOPED_OUT. */
    enum Role { MEMBER, SCOPED_IN, SCOPED_OUT, ORG, PRIMARY }

    /** What one role's calls act on. */
    record Context(Api api, String member, String otherMember, String department, String phone, String loginEmail,
                   String field, String primaryExport, String primaryImport, byte[] workbook) {
    }

    /** One call and the status each role gets, in {@link Role} order. */
    record Call(String operation, Function<Context, Api.Response> send, int... statuses) {
    }

    private static final byte[] PNG = png();

    private List<Call> matrix() {
        return List.of(
                new Call("GET /api/members", c -> c.api().get("/api/members?size=500"), 200, 200, 200, 200, 200),
                new Call("GET /api/members", c -> c.api().get("/api/members?q=" + c.phone().substring(4)), 200, 200, 200, 200, 200),
                new Call("GET /api/members", c -> c.api().get("/api/members?withoutLoginPassword=true&size=500"), 403, 200, 200, 200, 200),
                new Call("GET /api/members", c -> c.api().get("/api/members?asOf=" + Instant.now()), 403, 403, 403, 200, 200),
                new Call("GET /api/members", c -> c.api().get("/api/members?asOf=" + Instant.now() + "&departmentId=" + c.department()),
                        403, 200, 403, 200, 200),
                new Call("POST /api/members", c -> c.api().post("/api/members", Map.of("name", "New", "workEmail",
                        unique("n") + "@example.com", "departmentIds", List.of(c.department()))), 403, 201, 403, 201, 201),
                new Call("GET /api/members/{id}", c -> c.api().get("/api/members/" + c.member()), 200, 200, 200, 200, 200),
                new Call("GET /api/members/{id}", c -> c.api().get("/api/members/" + c.member() + "?asOf=" + Instant.now()),
                        403, 200, 403, 200, 200),
                new Call("PATCH /api/members/{id}", c -> c.api().patch("/api/members/" + c.member(), Map.of("city", "Lyon")),
                        403, 200, 403, 200, 200),
                new Call("PUT /api/members/{id}/login", c -> c.api().put("/api/members/" + c.member() + "/login",
                        Map.of("loginEmailType", "WORK_EMAIL")), 403, 200, 403, 200, 200),
                new Call("PUT /api/members/{id}/photo", c -> c.api().putBytes("/api/members/" + c.member() + "/photo", PNG,
                        "image/png"), 403, 204, 403, 204, 204),
                new Call("GET /api/members/{id}/photo", c -> c.api().get("/api/members/" + c.member() + "/photo"), 200, 200, 200, 200, 200),
                new Call("GET /api/members/{id}/history", c -> c.api().get("/api/members/" + c.member() + "/history"),
                        403, 200, 403, 200, 200),
                new Call("POST /api/members/{id}/activation", c -> c.api().post("/api/members/" + c.otherMember() + "/activation",
                        Map.of()), 403, 200, 403, 200, 200),
                // the lifecycle of the other member, offboarded last: nothing after this acts on it
                new Call("POST /api/members/{id}/suspension", c -> c.api().post("/api/members/" + c.otherMember() + "/suspension",
                        Map.of()), 403, 200, 403, 200, 200),
                new Call("DELETE /api/members/{id}/suspension", c -> c.api().send("DELETE", "/api/members/" + c.otherMember()
                        + "/suspension", new byte[0]), 403, 200, 403, 200, 200),
                new Call("POST /api/members/{id}/offboarding", c -> c.api().post("/api/members/" + c.otherMember() + "/offboarding",
                        Map.of()), 403, 200, 403, 200, 200),
                new Call("GET /api/departments", c -> c.api().get("/api/departments"), 200, 200, 200, 200, 200),
                new Call("POST /api/departments", c -> c.api().post("/api/departments", Map.of("name", unique("Team"),
                        "parentId", c.department())), 403, 201, 403, 201, 201),
                new Call("GET /api/fields", c -> c.api().get("/api/fields"), 200, 200, 200, 200, 200),
                new Call("POST /api/fields", c -> c.api().post("/api/fields", Map.of("key", unique("f").replace("-", ""),
                        "label", unique("Field "), "type", "TEXT")), 403, 403, 403, 201, 201),
                new Call("PATCH /api/fields/{key}", c -> c.api().patch("/api/fields/" + c.field(), Map.of("label", unique("Label "))),
                        403, 403, 403, 200, 200),
                new Call("PUT /api/fields/{key}/options", c -> c.api().put("/api/fields/" + c.field() + "/options",
                        List.of(Map.of("label", unique("Option ")))), 403, 403, 403, 200, 200),
                new Call("GET /api/admins", c -> c.api().get("/api/admins"), 403, 200, 200, 200, 200),
                new Call("PUT /api/admins/{subject}", c -> c.api().put("/api/admins/" + unique("grantee-"),
                        Map.of("permissions", List.of("MEMBER_AND_DEPARTMENT"))), 403, 403, 403, 403, 200),
                new Call("DELETE /api/admins/{subject}", c -> c.api().delete("/api/admins/" + granted()), 403, 403, 403, 403, 204),
                new Call("GET /api/settings/contact-change-notifications",
                        c -> c.api().get("/api/settings/contact-change-notifications"), 403, 200, 200, 200, 200),
                new Call("PUT /api/settings/contact-change-notifications", c -> c.api().put(
                        "/api/settings/contact-change-notifications", Map.of("phoneNumber", false, "workEmail", false)),
                        403, 403, 403, 200, 200),
                new Call("GET /api/notifications", c -> c.api().get("/api/notifications?memberId=" + c.member()), 403, 200, 403, 200, 200),
                new Call("GET /api/audit", c -> c.api().get("/api/audit?memberId=" + c.member()), 403, 200, 200, 200, 200),
                new Call("GET /api/audit/export", c -> c.api().get("/api/audit/export?memberId=" + c.member()), 403, 200, 200, 200, 200),
                new Call("POST /api/exports", c -> c.api().post("/api/exports", Map.of("selection", "SELECTED",
                        "memberIds", List.of(c.member()))), 403, 202, 202, 202, 202),
                new Call("GET /api/exports/{id}", c -> c.api().get("/api/exports/" + c.primaryExport()), 403, 404, 404, 404, 200),
                new Call("GET /api/exports/{id}/file", c -> c.api().get("/api/exports/" + c.primaryExport() + "/file"),
                        403, 404, 404, 404, 200),
                new Call("POST /api/imports", c -> c.api().upload("/api/imports?dryRun=true", "matrix.xlsx", c.workbook()),
                        403, 202, 202, 202, 202),
                new Call("GET /api/imports", c -> c.api().get("/api/imports"), 403, 200, 200, 200, 200),
                new Call("GET /api/imports/{id}", c -> c.api().get("/api/imports/" + c.primaryImport()), 403, 404, 404, 404, 200),
                new Call("GET /api/imports/{id}/error-report", c -> c.api().get("/api/imports/" + c.primaryImport() + "/error-report"),
                        403, 404, 404, 404, 200),
                new Call("GET /api/imports/{id}/preview", c -> c.api().get("/api/imports/" + c.primaryImport() + "/preview"),
                        403, 404, 404, 404, 200),
                // Undo (docs/undo.md): another admin's import is not found; the primary admin's own is a dry run, which
                // changed nothing and cannot be undone (422), and it is no undo, so it has no undo report.
                new Call("POST /api/imports/{id}/undo", c -> c.api().post("/api/imports/" + c.primaryImport() + "/undo", Map.of()),
                        403, 404, 404, 404, 422),
                new Call("GET /api/imports/{id}/report", c -> c.api().get("/api/imports/" + c.primaryImport() + "/report"),
                        403, 404, 404, 404, 404),
                // A dry run has no password file: the primary admin, whose import it is, is told it is gone.
                new Call("GET /api/imports/{id}/password-file", c -> c.api().get("/api/imports/" + c.primaryImport()
                        + "/password-file"), 403, 404, 404, 404, 410),
                // Replays change nothing here: the primary admin's call is refused for its body, after the permission.
                new Call("POST /api/admin/replays", c -> c.api().post("/api/admin/replays", Map.of("projection", "none")),
                        403, 403, 403, 403, 400),
                new Call("GET /api/admin/replays/{id}", c -> c.api().get("/api/admin/replays/" + unique("r")), 403, 403, 403, 403, 404),
                new Call("GET /api/admin/dead-letters", c -> c.api().get("/api/admin/dead-letters"), 403, 403, 403, 403, 200),
                // no dead letters here: a retry processes none, an eviction finds none
                new Call("POST /api/admin/dead-letters/{group}/retry", c -> c.api().post("/api/admin/dead-letters/directory/retry",
                        Map.of()), 403, 403, 403, 403, 200),
                new Call("DELETE /api/admin/dead-letters/{group}/{sequenceId}", c -> c.api().delete("/api/admin/dead-letters/members/"
                        + unique("s")), 403, 403, 403, 403, 404),
                // SCIM is for provisioning clients only (PROVISIONING): not for the primary admin, nor for member admins;
                // what provisioning clients get is scimMatrix()
                new Call("GET /scim/v2/ServiceProviderConfig", c -> c.api().get("/scim/v2/ServiceProviderConfig"), 403, 403, 403, 403, 403),
                new Call("GET /scim/v2/ResourceTypes", c -> c.api().get("/scim/v2/ResourceTypes"), 403, 403, 403, 403, 403),
                new Call("GET /scim/v2/ResourceTypes/{name}", c -> c.api().get("/scim/v2/ResourceTypes/User"), 403, 403, 403, 403, 403),
                new Call("GET /scim/v2/Schemas", c -> c.api().get("/scim/v2/Schemas"), 403, 403, 403, 403, 403),
                new Call("GET /scim/v2/Schemas/{id}", c -> c.api().get("/scim/v2/Schemas/" + SCIM_USER), 403, 403, 403, 403, 403),
                new Call("GET /scim/v2/Users", c -> c.api().get("/scim/v2/Users"), 403, 403, 403, 403, 403),
                new Call("POST /scim/v2/Users", c -> c.api().post("/scim/v2/Users", scimUser(unique("u"), c.department())),
                        403, 403, 403, 403, 403),
                new Call("GET /scim/v2/Users/{id}", c -> c.api().get("/scim/v2/Users/" + c.member()), 403, 403, 403, 403, 403),
                new Call("PUT /scim/v2/Users/{id}", c -> c.api().put("/scim/v2/Users/" + c.member(), scimReplacement(c.member())),
                        403, 403, 403, 403, 403),
                new Call("PATCH /scim/v2/Users/{id}", c -> c.api().send("PATCH", "/scim/v2/Users/" + c.member(), SCIM_PATCH,
                        "Content-Type", "application/scim+json"), 403, 403, 403, 403, 403),
                new Call("DELETE /scim/v2/Users/{id}", c -> c.api().delete("/scim/v2/Users/" + c.otherMember()), 403, 403, 403, 403, 403),
                new Call("GET /scim/v2/Groups", c -> c.api().get("/scim/v2/Groups"), 403, 403, 403, 403, 403),
                new Call("GET /scim/v2/Groups/{id}", c -> c.api().get("/scim/v2/Groups/" + c.department()), 403, 403, 403, 403, 403),
                new Call("PATCH /scim/v2/Groups/{id}", c -> c.api().send("PATCH", "/scim/v2/Groups/" + c.department(),
                        groupAdd(c.member()), "Content-Type", "application/scim+json"), 403, 403, 403, 403, 403));
    }

    private static final String SCIM_USER = "urn:ietf:params:scim:schemas:core:2.0:User";
    private static final byte[] SCIM_PATCH = ("{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
            + "\"Operations\":[{\"op\":\"Replace\",\"path\":\"displayName\",\"value\":\"Patched\"}]}")
            .getBytes(java.nio.charset.StandardCharsets.UTF_8);

    /** Provisioning clients (PROVISIONING): limited to the department of the target member, to another one, or not limited. */
    enum ProvisioningRole { IN, OUT, ORG }

    /** The SCIM operations as provisioning clients call them, statuses in {@link ProvisioningRole} order. */
    private List<Call> scimMatrix() {
        return List.of(
                new Call("GET /scim/v2/ServiceProviderConfig", c -> c.api().get("/scim/v2/ServiceProviderConfig"), 200, 200, 200),
                new Call("GET /scim/v2/ResourceTypes", c -> c.api().get("/scim/v2/ResourceTypes"), 200, 200, 200),
                new Call("GET /scim/v2/ResourceTypes/{name}", c -> c.api().get("/scim/v2/ResourceTypes/User"), 200, 200, 200),
                new Call("GET /scim/v2/Schemas", c -> c.api().get("/scim/v2/Schemas"), 200, 200, 200),
                new Call("GET /scim/v2/Schemas/{id}", c -> c.api().get("/scim/v2/Schemas/" + SCIM_USER), 200, 200, 200),
                new Call("GET /scim/v2/Users", c -> c.api().get("/scim/v2/Users?count=200"), 200, 200, 200),
                new Call("GET /scim/v2/Users", c -> c.api().get("/scim/v2/Users?filter=" + java.net.URLEncoder.encode(
                        "phoneNumbers co \"" + c.phone().substring(5) + "\"", java.nio.charset.StandardCharsets.UTF_8)), 200, 200, 200),
                new Call("POST /scim/v2/Users", c -> c.api().post("/scim/v2/Users", scimUser(unique("u"), c.department())), 201, 403, 201),
                new Call("GET /scim/v2/Users/{id}", c -> c.api().get("/scim/v2/Users/" + c.member()), 200, 404, 200),
                new Call("PUT /scim/v2/Users/{id}", c -> c.api().put("/scim/v2/Users/" + c.member(), scimReplacement(c.member())),
                        200, 404, 200),
                new Call("PATCH /scim/v2/Users/{id}", c -> c.api().send("PATCH", "/scim/v2/Users/" + c.member(), SCIM_PATCH,
                        "Content-Type", "application/scim+json"), 200, 404, 200),
                new Call("DELETE /scim/v2/Users/{id}", c -> c.api().delete("/scim/v2/Users/" + c.otherMember()), 204, 404, 204),
                new Call("GET /scim/v2/Groups", c -> c.api().get("/scim/v2/Groups"), 200, 200, 200),
                new Call("GET /scim/v2/Groups/{id}", c -> c.api().get("/scim/v2/Groups/" + c.department()), 200, 404, 200),
                // adding a member to a department it is in already changes nothing
                new Call("PATCH /scim/v2/Groups/{id}", c -> c.api().send("PATCH", "/scim/v2/Groups/" + c.department(),
                        groupAdd(c.member()), "Content-Type", "application/scim+json"), 200, 404, 200));
    }

    private static byte[] groupAdd(String memberId) {
        return ("{\"Operations\":[{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"" + memberId + "\"}]}]}")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** A new SCIM User in the department (named by its path). */
    private Map<String, Object> scimUser(String userName, String departmentId) {
        String path = null;
        for (JsonNode department : admin.get("/api/departments").body().get("items")) {
            if (department.get("id").asText().equals(departmentId)) {
                path = department.get("path").asText();
            }
        }
        return Map.of("schemas", List.of(SCIM_USER), "userName", userName,
                "emails", List.of(Map.of("value", userName + "@example.com", "type", "work")),
                "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User", Map.of("department", path));
    }

    /** The member as a full SCIM replacement (its user name, name, work email and phone as they are). */
    private Map<String, Object> scimReplacement(String memberId) {
        JsonNode member = admin.get("/api/members/" + memberId).body();
        return Map.of("schemas", List.of(SCIM_USER), "userName", member.get("userId").asText(),
                "displayName", "Replaced " + member.get("name").asText(),
                "emails", List.of(Map.of("value", member.get("workEmail").asText(), "type", "work")),
                "phoneNumbers", member.get("phone").isNull() ? List.of()
                        : List.of(Map.of("value", member.get("phone").asText(), "type", "work")));
    }

    @Test
    void every_scim_operation_has_a_row_for_provisioning_clients_and_none_shows_a_member_outside_their_reach() {
        Set<String> scimOperations = new LinkedHashSet<>();
        matrix().stream().map(Call::operation).filter(operation -> operation.contains(" /scim/")).forEach(scimOperations::add);
        Set<String> covered = new LinkedHashSet<>();
        scimMatrix().forEach(call -> covered.add(call.operation()));
        assertThat(covered).containsExactlyInAnyOrderElementsOf(scimOperations);

        for (ProvisioningRole role : ProvisioningRole.values()) {
            shared();
            String department = role == ProvisioningRole.OUT ? otherDepartment : scopedDepartment;
            String phone = uniquePhone();
            String member = member(department, Map.of("phone", phone, "hidePhone", true)).get("id").asText();
            String other = member(department, Map.of()).get("id").asText();
            String subject = unique("idp-");
            assertThat(admin.put("/api/admins/" + subject, role == ProvisioningRole.ORG
                    ? Map.of("permissions", List.of("PROVISIONING"))
                    : Map.of("permissions", List.of("PROVISIONING"), "departmentIds", List.of(scopedDepartment))).status())
                    .isEqualTo(200);
            Context context = new Context(as(subject), member, other, department, phone, null, field, primaryExport,
                    primaryImport, workbook);
            for (Call call : scimMatrix()) {
                Api.Response response = call.send().apply(context);
                assertThat(response.status()).as(role + ": " + call.operation() + " " + response.body())
                        .isEqualTo(call.statuses()[role.ordinal()]);
                if (role == ProvisioningRole.OUT) {
                    String raw = new String(response.raw(), java.nio.charset.StandardCharsets.ISO_8859_1);
                    assertThat(raw).as(role + ": " + call.operation() + " shows no hidden phone").doesNotContain(phone.substring(1));
                    if (call.operation().equals("GET /scim/v2/Users")) {
                        assertThat(raw).as(role + ": " + call.operation() + " lists nothing of the member").doesNotContain(member);
                    }
                }
            }
        }
    }

    @Test
    void every_operation_of_the_api_description_has_a_row_in_the_matrix() {
        JsonNode paths = anonymous().get("/v3/api-docs").body().get("paths");
        Set<String> described = new LinkedHashSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> path = it.next();
            path.getValue().fieldNames().forEachRemaining(method -> described.add(method.toUpperCase() + " " + path.getKey()));
        }
        Set<String> covered = new LinkedHashSet<>();
        matrix().forEach(call -> covered.add(call.operation()));
        assertThat(covered).as("rows of the matrix").containsExactlyInAnyOrderElementsOf(described);
    }

    @Test
    void every_endpoint_refuses_callers_without_a_valid_token() {
        Context any = context(Role.PRIMARY);
        for (String token : new String[]{null, Tokens.expired("admin"), Tokens.wrongKey("admin"), Tokens.unsigned("admin"),
                Tokens.withoutExpiry("admin"), Tokens.withoutSubject(), Tokens.signedInInTheFuture("admin")}) {
            Context caller = new Context(anonymous().as(token), any.member(), any.otherMember(), any.department(),
                    any.phone(), any.loginEmail(), any.field(), any.primaryExport(), any.primaryImport(), any.workbook());
            for (Call call : matrix()) {
                Api.Response response = call.send().apply(caller);
                assertThat(response.status()).as(call.operation() + " with token " + token).isEqualTo(401);
                assertThat(response.code()).isEqualTo("unauthorized");
            }
        }
    }

    @Test
    void every_role_gets_the_status_of_the_matrix_and_no_answer_shows_what_it_may_not_see() {
        for (Role role : Role.values()) {
            Context context = context(role);
            boolean limited = role == Role.MEMBER || role == Role.SCOPED_OUT;
            for (Call call : matrix()) {
                Api.Response response = call.send().apply(context);
                int expected = call.statuses()[role.ordinal()];
                assertThat(response.status()).as(role + ": " + call.operation() + " " + response.body()).isEqualTo(expected);
                if (limited) {
                    assertThat(new String(response.raw(), java.nio.charset.StandardCharsets.ISO_8859_1))
                            .as(role + ": " + call.operation() + " shows no hidden phone")
                            .doesNotContain(context.phone().substring(1));
                    if (response.body() != null) {
                        for (JsonNode shown : membersIn(response.body(), role == Role.MEMBER ? null : context.member())) {
                            assertThat(shown.path("loginEmail").isMissingNode() || shown.get("loginEmail").isNull())
                                    .as(role + ": " + call.operation() + " login email of " + shown.path("id")).isTrue();
                            assertThat(shown.path("loginEmailType").isMissingNode() || shown.get("loginEmailType").isNull())
                                    .as(role + ": " + call.operation() + " login type").isTrue();
                        }
                    }
                }
            }
        }
    }

    @Test
    void a_hidden_phone_is_found_only_by_those_who_may_see_it() {
        Context scopedOut = context(Role.SCOPED_OUT);
        String digits = scopedOut.phone().substring(5);
        assertThat(scopedOut.api().get("/api/members?q=" + digits).text("total")).isEqualTo("0");
        assertThat(as(unique("reader-")).get("/api/members?q=" + digits).text("total")).isEqualTo("0");
        assertThat(admin.get("/api/members?q=" + digits).text("total")).isEqualTo("1");
        Context scopedIn = context(Role.SCOPED_IN);
        assertThat(scopedIn.api().get("/api/members?q=" + scopedIn.phone().substring(5)).text("total")).isEqualTo("1");
        assertThat(scopedIn.api().get("/api/members?q=" + scopedIn.loginEmail()).text("total")).isEqualTo("1");
        assertThat(scopedOut.api().get("/api/members?q=" + digits).text("total")).isEqualTo("0");
    }

    /** The member objects in an answer (those with this id only, unless null). */
    private static List<JsonNode> membersIn(JsonNode body, String id) {
        List<JsonNode> found = new ArrayList<>();
        if (body.isObject() && body.has("loginEmail") && (id == null || id.equals(body.path("id").asText()))) {
            found.add(body);
        }
        body.forEach(child -> found.addAll(membersIn(child, id)));
        return found;
    }

    // --- fixtures --------------------------------------------------------------------------------------------

    private String scopedDepartment;
    private String otherDepartment;
    private Api scopedAdmin;
    private Api orgAdmin;
    private String field;
    private String primaryExport;
    private String primaryImport;
    private byte[] workbook;

    private Context context(Role role) {
        shared();
        String department = role == Role.SCOPED_OUT ? otherDepartment : scopedDepartment;
        String phone = uniquePhone();
        String workEmail = unique("target") + "@example.com";
        String member = member(department, Map.of("phone", phone, "hidePhone", true, "workEmail", workEmail)).get("id").asText();
        String other = member(department, Map.of()).get("id").asText();
        assertThat(admin.putBytes("/api/members/" + member + "/photo", PNG, "image/png").status()).isEqualTo(204);
        Api api = switch (role) {
            case MEMBER -> as(unique("member-"));
            case SCOPED_IN, SCOPED_OUT -> scopedAdmin;
            case ORG -> orgAdmin;
            case PRIMARY -> admin;
        };
        return new Context(api, member, other, department, phone, workEmail, field, primaryExport, primaryImport, workbook);
    }

    private void shared() {
        if (scopedDepartment != null) {
            return;
        }
        scopedDepartment = department(unique("Scoped"), null);
        otherDepartment = department(unique("Other"), null);
        scopedAdmin = adminOf(scopedDepartment);
        String org = unique("org-");
        assertThat(admin.put("/api/admins/" + org, Map.of("permissions", List.of("MEMBER_AND_DEPARTMENT"))).status()).isEqualTo(200);
        orgAdmin = as(org);
        field = unique("choice").replace("-", "");
        assertThat(admin.post("/api/fields", Map.of("key", field, "label", unique("Choice "), "type", "SINGLE_OPTION")).status())
                .isEqualTo(201);
        String exported = member(scopedDepartment, Map.of()).get("id").asText();
        Api.Response export = admin.post("/api/exports", Map.of("selection", "SELECTED", "memberIds", List.of(exported)));
        primaryExport = export.text("id");
        await().atMost(Duration.ofSeconds(20)).until(() -> "SUCCEEDED".equals(admin.get("/api/exports/" + primaryExport).text("status")));
        workbook = admin.get("/api/exports/" + primaryExport + "/file").raw();
        Api.Response queued = admin.upload("/api/imports?dryRun=true", "matrix.xlsx", withChangeAndError(workbook));
        primaryImport = queued.text("id");
        await().atMost(Duration.ofSeconds(30)).until(() -> !List.of("QUEUED", "RUNNING")
                .contains(admin.get("/api/imports/" + primaryImport).text("status")));
        JsonNode dryRun = admin.get("/api/imports/" + primaryImport).body();
        assertThat(dryRun.get("changedRows").asInt()).as(dryRun.toString()).isEqualTo(1);
        assertThat(dryRun.get("failedRows").asInt()).as(dryRun.toString()).isEqualTo(1);
    }

    /** The exported workbook with its member renamed (a preview row) and a row for no member (an error row). */
    private static byte[] withChangeAndError(byte[] exported) {
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(exported));
             ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.getSheet("Members");
            Map<String, Integer> columns = new HashMap<>();
            sheet.getRow(0).forEach(cell -> columns.put(cell.getStringCellValue(), cell.getColumnIndex()));
            Row exportedRow = sheet.getRow(1);
            // The export writes inline strings, which a new value does not replace in place.
            exportedRow.removeCell(exportedRow.getCell(columns.get("Name")));
            exportedRow.createCell(columns.get("Name")).setCellValue("Renamed by a dry run");
            Row bad = sheet.createRow(2);
            bad.createCell(columns.get("Member ID")).setCellValue("no-such-member");
            bad.createCell(columns.get("Name")).setCellValue("Nobody");
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private final List<String> grantees = new ArrayList<>();

    /** A subject the primary admin granted the permission to, for the revocation row. */
    private String granted() {
        String subject = unique("revokable-");
        assertThat(admin.put("/api/admins/" + subject, Map.of("permissions", List.of("MEMBER_AND_DEPARTMENT"))).status())
                .isEqualTo(200);
        grantees.add(subject);
        return subject;
    }

    private static byte[] png() {
        try {
            BufferedImage image = new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
