package com.memberdirectory.app.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.memberdirectory.app.support.ApiTest;
import com.memberdirectory.testsupport.Api;
import com.memberdirectory.testsupport.Tokens;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.unboundid.scim2.client.ScimService;
import com.unboundid.scim2.common.GenericScimResource;
import com.unboundid.scim2.common.Path;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.messages.ListResponse;
import com.unboundid.scim2.common.types.AttributeDefinition;
import com.unboundid.scim2.common.types.Email;
import com.unboundid.scim2.common.types.EnterpriseUserExtension;
import com.unboundid.scim2.common.types.Manager;
import com.unboundid.scim2.common.types.Name;
import com.unboundid.scim2.common.types.PhoneNumber;
import com.unboundid.scim2.common.types.ResourceTypeResource;
import com.unboundid.scim2.common.types.SchemaResource;
import com.unboundid.scim2.common.types.ServiceProviderConfigResource;
import com.unboundid.scim2.common.types.UserResource;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.ClientRequestFilter;
import org.glassfish.jersey.apache5.connector.Apache5ConnectorProvider;
import org.glassfish.jersey.client.ClientConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code /scim/v2} driven by an independent SCIM 2.0 client (UnboundID's SCIM 2 SDK) as an identity provider would, plus
 * the exact PATCH bodies Entra ID and Okta send (raw, since a client library writes its own spelling of them).
 */
class ScimApiTest extends ApiTest {

    private static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    private static final String CUSTOM = "urn:memberdirectory:params:scim:schemas:extension:custom:2.0:User";
    private static final String SCIM_JSON = "application/scim+json";

    private final List<Client> clients = new ArrayList<>();

    @AfterEach
    void closeClients() {
        clients.forEach(Client::close);
    }

    /** A subject the primary admin granted PROVISIONING (limited to these departments, if any). */
    private String provisioningClient(String... departmentIds) {
        String subject = unique("idp-");
        Api.Response granted = admin.put("/api/admins/" + subject, departmentIds.length == 0
                ? Map.of("permissions", List.of("PROVISIONING"))
                : Map.of("permissions", List.of("PROVISIONING"), "departmentIds", List.of(departmentIds)));
        assertThat(granted.status()).as(String.valueOf(granted.body())).isEqualTo(200);
        return subject;
    }

    private ScimService scim(String subject) {
        String token = Tokens.valid(subject);
        // Apache HttpClient 5 under Jersey: the JDK's HttpURLConnection cannot send PATCH
        Client client = ClientBuilder.newClient(new ClientConfig().connectorProvider(new Apache5ConnectorProvider()))
                .register((ClientRequestFilter) request -> request.getHeaders().putSingle("Authorization", "Bearer " + token));
        clients.add(client);
        return new ScimService(client.target("http://localhost:" + port + "/scim/v2"));
    }

    private static UserResource user(String userName, String departmentPath) {
        UserResource user = new UserResource().setUserName(userName)
                .setName(new Name().setGivenName("Ann").setFamilyName("Lee"))
                .setDisplayName("Ann Lee " + userName)
                .setEmails(new Email().setValue(userName + "@example.com").setType("work").setPrimary(true))
                .setPhoneNumbers(new PhoneNumber().setValue(uniquePhone()).setType("mobile"))
                .setActive(true);
        user.setExtension(new EnterpriseUserExtension().setEmployeeNumber("E-" + userName).setDepartment(departmentPath));
        return user;
    }

    private static int status(Executable call) {
        try {
            call.execute();
            return 200;
        } catch (ScimException e) {
            return e.getScimError().getStatus();
        } catch (Throwable e) {
            throw new AssertionError(e);
        }
    }

    private static ScimException refused(Executable call) {
        try {
            call.execute();
        } catch (ScimException e) {
            return e;
        } catch (Throwable e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("expected a SCIM error");
    }

    @Test
    void discovery_advertises_what_works() throws Exception {
        ScimService scim = scim(provisioningClient());
        ServiceProviderConfigResource config = scim.getServiceProviderConfig();
        assertThat(config.getPatch().isSupported()).isTrue();
        assertThat(config.getBulk().isSupported()).isFalse();
        assertThat(config.getFilter().isSupported()).isTrue();
        assertThat(config.getFilter().getMaxResults()).isEqualTo(200);
        assertThat(config.getChangePassword().isSupported()).isFalse();
        assertThat(config.getSort().isSupported()).isFalse();
        assertThat(config.getEtag().isSupported()).isTrue();
        ListResponse<ResourceTypeResource> types = scim.getResourceTypes();
        assertThat(types.getResources()).extracting(ResourceTypeResource::getName).containsExactly("User", "Group");
        ListResponse<SchemaResource> schemas = scim.getSchemas();
        assertThat(schemas.getResources()).extracting(SchemaResource::getId)
                .containsExactlyInAnyOrder("urn:ietf:params:scim:schemas:core:2.0:User", ENTERPRISE, CUSTOM,
                        "urn:ietf:params:scim:schemas:core:2.0:Group");
        assertThat(scim.getSchema(ENTERPRISE).getAttributes()).extracting(a -> a.getName())
                .containsExactlyInAnyOrder("employeeNumber", "department", "manager");
        assertThat(scim.getResourceType("Group").getEndpoint().toString()).isEqualTo("/Groups");
        assertThat(status(() -> scim.getResourceType("Bulk"))).isEqualTo(404);
    }

    @Test
    void an_identity_provider_creates_finds_replaces_deactivates_and_deletes_a_user() throws Exception {
        String sales = department(unique("Sales"), null);
        String emea = department("EMEA", sales);
        String subject = provisioningClient();
        ScimService scim = scim(subject);
        String manager = member(sales, Map.of()).get("id").asText();
        String path = departmentPath(emea);

        String userName = unique("ann.");
        UserResource toCreate = user(userName, path);
        toCreate.setExternalId("Ext-" + userName);
        // getExtension answers a copy: set it back
        toCreate.setExtension(toCreate.getExtension(EnterpriseUserExtension.class).setManager(new Manager().setValue(manager)));
        UserResource created = scim.create("Users", toCreate);
        assertThat(created.getId()).isNotBlank();
        assertThat(created.getUserName()).isEqualTo(userName);
        assertThat(created.getMeta().getLocation().toString()).endsWith("/scim/v2/Users/" + created.getId());
        JsonNode member = admin.get("/api/members/" + created.getId()).body();
        assertThat(member.get("userId").asText()).isEqualTo(userName);
        assertThat(member.get("name").asText()).isEqualTo("Ann Lee " + userName);
        assertThat(member.get("firstName").asText()).isEqualTo("Ann");
        assertThat(member.get("surname").asText()).isEqualTo("Lee");
        assertThat(member.get("workEmail").asText()).isEqualTo(userName + "@example.com");
        assertThat(member.get("phone").asText()).startsWith("+86134");
        assertThat(member.get("employeeId").asText()).isEqualTo("E-" + userName);
        assertThat(member.get("departmentIds").get(0).asText()).isEqualTo(emea);
        assertThat(member.get("managerId").asText()).isEqualTo(manager);
        assertThat(member.get("status").asText()).isEqualTo("INACTIVE");
        assertThat(created.getMeta().getVersion()).as("the member's version, externalId recorded after the creation")
                .isEqualTo("W/\"" + member.get("version").asText() + "\"").isEqualTo("W/\"2\"");
        assertThat(member.get("externalId").asText()).as("kept as a field of the member").isEqualTo("Ext-" + userName);
        assertThat(created.getExternalId()).isEqualTo("Ext-" + userName);
        assertThat(scim.searchRequest("Users").filter("externalId eq \"Ext-" + userName + "\"").invoke(UserResource.class)
                .getTotalResults()).isEqualTo(1);
        assertThat(scim.searchRequest("Users").filter("externalId eq \"ext-" + userName + "\"").invoke(UserResource.class)
                .getTotalResults()).as("externalId is case-exact").isZero();

        ListResponse<UserResource> found = scim.searchRequest("Users").filter("userName eq \"" + userName.toUpperCase() + "\"")
                .invoke(UserResource.class);
        assertThat(found.getTotalResults()).isEqualTo(1);
        assertThat(found.getResources()).extracting(UserResource::getId).containsExactly(created.getId());
        assertThat(scim.searchRequest("Users").filter("userName eq \"" + userName + "x\"").invoke(UserResource.class)
                .getTotalResults()).isZero();
        ListResponse<UserResource> byEmail = scim.searchRequest("Users")
                .filter("emails[type eq \"work\" and value co \"" + userName + "\"] and active eq true")
                .invoke(UserResource.class);
        assertThat(byEmail.getResources()).extracting(UserResource::getId).containsExactly(created.getId());

        UserResource fetched = scim.retrieve("Users", created.getId(), UserResource.class);
        assertThat(fetched.getExtension(EnterpriseUserExtension.class).getDepartment()).isEqualTo(path);
        assertThat(fetched.getExtension(EnterpriseUserExtension.class).getManager().getValue()).isEqualTo(manager);
        fetched.setDisplayName("Ann Replaced").setName(new Name().setGivenName("Annie").setFamilyName("Lee"));
        fetched.setExtension(fetched.getExtension(EnterpriseUserExtension.class).setManager(null)
                .setDepartment(departmentPath(sales)));
        UserResource replaced = scim.replaceRequest(fetched).ifMatch().invoke();
        assertThat(replaced.getDisplayName()).isEqualTo("Ann Replaced");
        member = admin.get("/api/members/" + created.getId()).body();
        assertThat(member.get("name").asText()).isEqualTo("Ann Replaced");
        assertThat(member.get("firstName").asText()).isEqualTo("Annie");
        assertThat(member.get("managerId").isNull()).isTrue();
        assertThat(member.get("departmentIds").get(0).asText()).as("the primary department").isEqualTo(sales);

        // the library's own PATCH
        UserResource patched = scim.modifyRequest("Users", created.getId()).replaceValue("name.familyName", "Li")
                .invoke(UserResource.class);
        assertThat(patched.getName().getFamilyName()).isEqualTo("Li");
        assertThat(admin.get("/api/members/" + created.getId()).text("surname")).isEqualTo("Li");

        // deactivate: active=false suspends the member; the history names the client and SCIM
        UserResource deactivated = scim.modifyRequest("Users", created.getId()).replaceValue("active", false)
                .invoke(UserResource.class);
        assertThat(deactivated.getActive()).isFalse();
        assertThat(admin.get("/api/members/" + created.getId()).text("status")).isEqualTo("SUSPENDED");
        assertThat(scim.searchRequest("Users").filter("userName eq \"" + userName + "\" and active eq false")
                .invoke(UserResource.class).getTotalResults()).isEqualTo(1);
        JsonNode history = admin.get("/api/members/" + created.getId() + "/history").body().get("items");
        assertThat(history).isNotEmpty();
        history.forEach(entry -> {
            assertThat(entry.get("source").asText()).isEqualTo("SCIM");
            assertThat(entry.get("actor").asText()).isEqualTo(subject);
        });
        assertThat(admin.get("/api/audit?source=SCIM&memberId=" + created.getId()).body().get("items")).isNotEmpty();
        // an administrator's change for notifications: the suspension tells the member (ChangeOrigin)
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> admin.get(
                "/api/notifications?memberId=" + created.getId()).body().get("items").findValuesAsText("kind")
                .contains("MEMBER_SUSPENDED"));

        scim.delete("Users", created.getId());
        assertThat(status(() -> scim.retrieve("Users", created.getId(), UserResource.class))).isEqualTo(404);
        assertThat(scim.searchRequest("Users").filter("userName eq \"" + userName + "\"").invoke(UserResource.class)
                .getTotalResults()).isZero();
        assertThat(admin.get("/api/members/" + created.getId()).text("status")).isEqualTo("OFFBOARDED");
        assertThat(status(() -> scim.delete("Users", created.getId()))).isEqualTo(404);
    }

    @Test
    void the_patch_bodies_entra_id_and_okta_send() {
        String department = department(unique("Idp"), null);
        Api idp = as(provisioningClient());
        String userName = unique("bob.");
        Api.Response created = idp.post("/scim/v2/Users", Map.of("schemas", List.of("urn:ietf:params:scim:schemas:core:2.0:User"),
                "userName", userName, "active", "True", "emails", List.of(Map.of("value", userName + "@example.com", "type", "work")),
                ENTERPRISE, Map.of("department", departmentPath(department))), "Content-Type", SCIM_JSON);
        assertThat(created.status()).as(String.valueOf(created.body())).isEqualTo(201);
        assertThat(created.header("Content-Type")).startsWith(SCIM_JSON);
        String id = created.text("id");
        assertThat(created.header("Location")).endsWith("/scim/v2/Users/" + id);
        assertThat(created.header("ETag")).isEqualTo("W/\"1\"");
        assertThat(admin.get("/api/members/" + id).text("name")).as("no displayName: the user name").isEqualTo(userName);

        // Okta: no path, lower case
        Api.Response okta = patch(idp, id, "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
                + "\"Operations\":[{\"op\":\"replace\",\"value\":{\"active\":false}}]}");
        assertThat(okta.status()).as(String.valueOf(okta.body())).isEqualTo(200);
        assertThat(okta.body().get("active").asBoolean()).isFalse();
        assertThat(admin.get("/api/members/" + id).text("status")).isEqualTo("SUSPENDED");
        // sent twice: the same answer, nothing recorded
        String version = admin.get("/api/members/" + id).text("version");
        assertThat(patch(idp, id, "{\"Operations\":[{\"op\":\"replace\",\"value\":{\"active\":false}}]}").status()).isEqualTo(200);
        assertThat(admin.get("/api/members/" + id).text("version")).isEqualTo(version);

        // Entra ID: capitalised op, boolean as a string
        Api.Response entra = patch(idp, id, "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
                + "\"Operations\":[{\"op\":\"Replace\",\"path\":\"active\",\"value\":\"True\"}]}");
        assertThat(entra.status()).as(String.valueOf(entra.body())).isEqualTo(200);
        assertThat(admin.get("/api/members/" + id).text("status")).isEqualTo("INACTIVE");
        entra = patch(idp, id, "{\"Operations\":[{\"op\":\"Replace\",\"path\":\"active\",\"value\":\"False\"}]}");
        assertThat(entra.status()).isEqualTo(200);
        assertThat(admin.get("/api/members/" + id).text("status")).isEqualTo("SUSPENDED");

        // Entra ID: a work email through a filtered path, and names without a path
        Api.Response email = patch(idp, id, "{\"Operations\":[{\"op\":\"Add\",\"path\":\"emails[type eq \\\"work\\\"].value\","
                + "\"value\":\"" + userName + "@new.example\"},{\"op\":\"Replace\",\"value\":{\"name.givenName\":\"Bob\","
                + "\"name.familyName\":\"Stone\",\"displayName\":\"Bob Stone\"}}]}");
        assertThat(email.status()).as(String.valueOf(email.body())).isEqualTo(200);
        JsonNode member = admin.get("/api/members/" + id).body();
        assertThat(member.get("workEmail").asText()).isEqualTo(userName + "@new.example");
        assertThat(member.get("name").asText()).isEqualTo("Bob Stone");
        assertThat(member.get("firstName").asText()).isEqualTo("Bob");
        // Entra ID: the manager as a plain string, then removed
        String manager = member(department, Map.of()).get("id").asText();
        assertThat(patch(idp, id, "{\"Operations\":[{\"op\":\"Add\",\"path\":\"" + ENTERPRISE + ":manager\",\"value\":\""
                + manager + "\"}]}").status()).isEqualTo(200);
        assertThat(admin.get("/api/members/" + id).text("managerId")).isEqualTo(manager);
        assertThat(patch(idp, id, "{\"Operations\":[{\"op\":\"Remove\",\"path\":\"" + ENTERPRISE + ":manager\"}]}").status())
                .isEqualTo(200);
        assertThat(admin.get("/api/members/" + id).text("managerId")).isNull();

        // application/json is accepted as well as application/scim+json; attributes narrows the answer
        Api.Response narrow = idp.get("/scim/v2/Users/" + id + "?attributes=userName,name.familyName", "Accept", "application/json");
        assertThat(narrow.status()).isEqualTo(200);
        assertThat(narrow.body().get("userName").asText()).isEqualTo(userName);
        assertThat(narrow.body().get("name").get("familyName").asText()).isEqualTo("Stone");
        assertThat(narrow.body().has("emails")).isFalse();
        assertThat(narrow.body().get("name").has("givenName")).isFalse();
        Api.Response excluded = idp.get("/scim/v2/Users/" + id + "?excludedAttributes=emails," + ENTERPRISE + ":manager");
        assertThat(excluded.body().has("emails")).isFalse();
        assertThat(excluded.body().get("id").asText()).isEqualTo(id);
    }

    @Test
    void errors_are_scim_errors() throws Exception {
        String department = department(unique("Err"), null);
        String subject = provisioningClient();
        ScimService scim = scim(subject);
        String userName = unique("dup.");
        UserResource created = scim.create("Users", user(userName, departmentPath(department)));

        ScimException duplicate = refused(() -> scim.create("Users", user(userName.toUpperCase(), departmentPath(department))));
        assertThat(duplicate.getScimError().getStatus()).isEqualTo(409);
        assertThat(duplicate.getScimError().getScimType()).isEqualTo("uniqueness");

        ScimException badFilter = refused(() -> scim.searchRequest("Users").filter("userName eq").invoke(UserResource.class));
        assertThat(badFilter.getScimError().getStatus()).isEqualTo(400);
        assertThat(badFilter.getScimError().getScimType()).isEqualTo("invalidFilter");

        UserResource stale = scim.retrieve("Users", created.getId(), UserResource.class);
        scim.modifyRequest("Users", created.getId()).replaceValue("displayName", "Changed meanwhile").invoke(UserResource.class);
        stale.setDisplayName("Overwrite");
        assertThat(refused(() -> scim.replaceRequest(stale).ifMatch().invoke()).getScimError().getStatus()).isEqualTo(412);
        assertThat(refused(() -> scim.modifyRequest("Users", created.getId()).ifMatch(stale.getMeta().getVersion())
                .replaceValue("displayName", "x").invoke(UserResource.class)).getScimError().getStatus()).isEqualTo(412);
        assertThat(refused(() -> scim.deleteRequest("Users", created.getId()).ifMatch(stale.getMeta().getVersion()).invoke())
                .getScimError().getStatus()).isEqualTo(412);
        assertThat(admin.get("/api/members/" + created.getId()).text("name")).isEqualTo("Changed meanwhile");

        assertThat(status(() -> scim.retrieve("Users", "no-such-user", UserResource.class))).isEqualTo(404);
        assertThat(status(() -> scim.modifyRequest("Users", "no-such-user").replaceValue("active", false)
                .invoke(UserResource.class))).isEqualTo(404);

        // a rule of the member record: 400 invalidValue, naming the directory's code
        UserResource noContact = new UserResource().setUserName(unique("nc."));
        noContact.setExtension(new EnterpriseUserExtension().setDepartment(departmentPath(department)));
        ScimException invalid = refused(() -> scim.create("Users", noContact));
        assertThat(invalid.getScimError().getStatus()).isEqualTo(400);
        assertThat(invalid.getScimError().getScimType()).isEqualTo("invalidValue");
        assertThat(invalid.getScimError().getDetail()).contains("phone_or_work_email_required");
        UserResource badUserName = user(unique("has space "), departmentPath(department));
        assertThat(refused(() -> scim.create("Users", badUserName)).getScimError().getScimType()).isEqualTo("invalidValue");
        UserResource unknownDepartment = user(unique("ud."), unique("Nowhere"));
        assertThat(refused(() -> scim.create("Users", unknownDepartment)).getScimError().getScimType()).isEqualTo("invalidValue");
        // a job title is a label of the jobTitle field's options
        UserResource titled = user(unique("t."), departmentPath(department)).setTitle(unique("Astronaut "));
        assertThat(refused(() -> scim.create("Users", titled)).getScimError().getScimType()).isEqualTo("invalidValue");

        Api idp = as(subject);
        String id = created.getId();
        assertScimError(patch(idp, id, "{\"Operations\":[{\"op\":\"replace\",\"path\":\"id\",\"value\":\"x\"}]}"), 400, "mutability");
        assertScimError(patch(idp, id, "{\"Operations\":[{\"op\":\"remove\"}]}"), 400, "noTarget");
        assertScimError(patch(idp, id, "{\"Operations\":[{\"op\":\"replace\",\"path\":\"emails[value eq \\\"nobody@x\\\"].value\","
                + "\"value\":\"a@b.example\"}]}"), 400, "noTarget");
        assertScimError(patch(idp, id, "{\"Operations\":[{\"op\":\"replace\",\"path\":\"active\",\"value\":\"maybe\"}]}"), 400,
                "invalidValue");
        assertScimError(patch(idp, id, "{not json"), 400, "invalidSyntax");
        assertScimError(patch(idp, id, "{\"Operations\":[{\"op\":\"replace\",\"value\":{\"active\":false}},"
                + "{\"op\":\"replace\",\"value\":{\"active\":false}}],\"Operations\":[]}"), 400, "invalidSyntax");
        assertScimError(idp.get("/scim/v2/Users?filter=" + encode("emails[type eq \"work\"")), 400, "invalidFilter");
        assertScimError(idp.get("/scim/v2/Users?filter=" + encode("(".repeat(40) + "userName pr" + ")".repeat(40))), 400,
                "invalidFilter");
        assertScimError(idp.get("/scim/v2/Users?filter=" + encode("userName eq \"" + "a".repeat(2100) + "\"")), 400,
                "invalidFilter");
        assertScimError(idp.get("/scim/v2/Users?count=abc"), 400, "invalidValue");
        assertScimError(idp.get("/scim/v2/Users?sortBy=userName"), 400, "invalidValue");
        assertScimError(idp.get("/scim/v2/Users?attributes=x,,y"), 400, "invalidValue");
        assertScimError(idp.send("PUT", "/scim/v2/Users/" + id, "[]".getBytes(StandardCharsets.UTF_8), "Content-Type", SCIM_JSON),
                400, "invalidSyntax");
        assertScimError(idp.send("PUT", "/scim/v2/Users/" + id, "{\"displayName\":\"x\"}".getBytes(StandardCharsets.UTF_8),
                "Content-Type", SCIM_JSON), 400, "invalidValue");
        assertScimError(idp.send("PUT", "/scim/v2/Users/" + id, ("{\"userName\":\"" + userName + "\"}").getBytes(StandardCharsets.UTF_8),
                "Content-Type", SCIM_JSON, "If-Match", "garbage"), 400, "invalidValue");
        assertScimError(idp.send("POST", "/scim/v2/Users", new byte[0], "Content-Type", SCIM_JSON), 400, "invalidSyntax");
    }

    @Test
    void only_provisioning_clients_use_scim_and_a_scoped_client_manages_its_departments_only() throws Exception {
        String mine = department(unique("Mine"), null);
        String below = department(unique("Below"), mine);
        String theirs = department(unique("Theirs"), null);
        String phone = uniquePhone();
        String outside = member(theirs, Map.of("phone", phone, "hidePhone", true)).get("id").asText();
        String inside = member(below, Map.of()).get("id").asText();
        ScimService scoped = scim(provisioningClient(mine));

        // not a provisioning client: the primary admin, a member admin, anyone else
        for (String subject : new String[]{"admin", adminSubject(), unique("reader-")}) {
            assertThat(status(() -> scim(subject).getServiceProviderConfig())).as(subject).isEqualTo(403);
            assertThat(status(() -> scim(subject).retrieve("Users", inside, UserResource.class))).as(subject).isEqualTo(403);
        }
        // and a PROVISIONING grant gives nothing on /api
        Api scopedApi = as(provisioningClient(mine));
        assertThat(scopedApi.patch("/api/members/" + inside, Map.of("city", "Lyon")).status()).isEqualTo(403);

        assertThat(scoped.retrieve("Users", inside, UserResource.class).getId()).isEqualTo(inside);
        assertThat(status(() -> scoped.retrieve("Users", outside, UserResource.class))).isEqualTo(404);
        assertThat(status(() -> scoped.modifyRequest("Users", outside).replaceValue("active", false).invoke(UserResource.class)))
                .isEqualTo(404);
        assertThat(status(() -> scoped.delete("Users", outside))).isEqualTo(404);
        assertThat(admin.get("/api/members/" + outside).text("status")).isEqualTo("INACTIVE");
        List<String> listed = new ArrayList<>();
        scoped.searchRequest("Users").page(1, 200).invoke(UserResource.class).getResources().forEach(u -> listed.add(u.getId()));
        assertThat(listed).contains(inside).doesNotContain(outside);
        // a filter on the hidden phone of a member the client does not manage finds nothing
        assertThat(scoped.searchRequest("Users").filter("phoneNumbers co \"" + phone.substring(5) + "\"")
                .invoke(UserResource.class).getTotalResults()).isZero();
        assertThat(scim(provisioningClient()).searchRequest("Users").filter("phoneNumbers co \"" + phone.substring(5) + "\"")
                .invoke(UserResource.class).getTotalResults()).as("the org-wide client manages them").isEqualTo(1);

        // creating: inside its departments (a client of one department places a User without department there), not outside
        UserResource placed = scoped.create("Users", user(unique("s."), null));
        assertThat(admin.get("/api/members/" + placed.getId()).body().get("departmentIds").get(0).asText()).isEqualTo(mine);
        ScimException forbidden = refused(() -> scoped.create("Users", user(unique("o."), departmentPath(theirs))));
        assertThat(forbidden.getScimError().getStatus()).isEqualTo(403);
        // moving a member it manages out of its departments is refused by the same policy
        assertThat(status(() -> scoped.modifyRequest("Users", inside).replaceValue(ENTERPRISE + ":department",
                departmentPath(theirs)).invoke(UserResource.class))).isEqualTo(403);
    }

    @Test
    void a_changed_grant_and_a_new_department_count_from_the_next_request() throws Exception {
        String mine = department(unique("Kept"), null);
        String subject = provisioningClient(mine);
        ScimService client = scim(subject);
        UserResource placed = client.create("Users", user(unique("k."), null));

        // a department created a moment ago is found by its path at once, also below the client's department
        String below = department(unique("New"), mine);
        assertThat(client.modifyRequest("Users", placed.getId()).replaceValue(ENTERPRISE + ":department", departmentPath(below))
                .invoke(UserResource.class).getExtension(EnterpriseUserExtension.class).getDepartment())
                .isEqualTo(departmentPath(below));
        // widened to the whole organization: members elsewhere at once
        String elsewhere = member(department(unique("Elsewhere"), null), Map.of()).get("id").asText();
        assertThat(status(() -> client.retrieve("Users", elsewhere, UserResource.class))).isEqualTo(404);
        assertThat(admin.put("/api/admins/" + subject, Map.of("permissions", List.of("PROVISIONING"))).status()).isEqualTo(200);
        assertThat(client.retrieve("Users", elsewhere, UserResource.class).getId()).isEqualTo(elsewhere);
        // revoked: refused from the next request on
        assertThat(admin.delete("/api/admins/" + subject).status()).isEqualTo(204);
        assertThat(status(() -> client.retrieve("Users", elsewhere, UserResource.class))).isEqualTo(403);
    }

    @Test
    void users_carry_when_they_were_created_and_last_changed_and_filters_compare_those_times() throws Exception {
        ScimService scim = scim(provisioningClient());
        String path = departmentPath(department(unique("Sales"), null));
        UserResource kept = scim.create("Users", user(unique("kept."), path));
        UserResource changed = scim.create("Users", user(unique("changed."), path));
        assertThat(kept.getMeta().getCreated()).isNotNull();
        assertThat(kept.getMeta().getLastModified().toInstant()).isAfterOrEqualTo(kept.getMeta().getCreated().toInstant());
        JsonNode member = admin.get("/api/members/" + kept.getId()).body();
        assertThat(kept.getMeta().getLastModified().toInstant()).as("the Member JSON's updatedAt")
                .isEqualTo(java.time.Instant.parse(member.get("updatedAt").asText()));

        Thread.sleep(20);
        java.time.Instant between = java.time.Instant.now();
        Thread.sleep(20);
        UserResource after = scim.modifyRequest("Users", changed.getId()).replaceValue("name.familyName", "Li")
                .invoke(UserResource.class);
        assertThat(after.getMeta().getCreated()).as("kept").isEqualTo(changed.getMeta().getCreated());
        assertThat(after.getMeta().getLastModified().toInstant()).isAfter(between);

        String both = "(userName eq \"" + kept.getUserName() + "\" or userName eq \"" + changed.getUserName() + "\")";
        // an identity provider's delta question, the time written with another offset than the service's
        String since = between.atOffset(java.time.ZoneOffset.ofHours(2)).toString();
        assertThat(scim.searchRequest("Users").filter("meta.lastModified gt \"" + since + "\" and " + both)
                .invoke(UserResource.class).getResources()).extracting(UserResource::getId).containsExactly(changed.getId());
        assertThat(scim.searchRequest("Users").filter("meta.lastModified le \"" + between + "\" and " + both)
                .invoke(UserResource.class).getResources()).extracting(UserResource::getId).containsExactly(kept.getId());
        assertThat(scim.searchRequest("Users").filter("meta.created lt \"" + between + "\" and " + both)
                .invoke(UserResource.class).getTotalResults()).isEqualTo(2);
        assertThat(refused(() -> scim.searchRequest("Users").filter("meta.created gt \"last week\"")
                .invoke(UserResource.class)).getScimError().getScimType()).isEqualTo("invalidFilter");
    }

    @Test
    void paging_is_one_based_and_capped() throws Exception {
        String department = department(unique("Page"), null);
        ScimService scim = scim(provisioningClient(department));
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(scim.create("Users", user(unique("p" + i + "."), departmentPath(department))).getId());
        }
        ListResponse<UserResource> first = scim.searchRequest("Users").page(1, 2).invoke(UserResource.class);
        assertThat(first.getTotalResults()).isEqualTo(3);
        assertThat(first.getItemsPerPage()).isEqualTo(2);
        assertThat(first.getStartIndex()).isEqualTo(1);
        ListResponse<UserResource> second = scim.searchRequest("Users").page(3, 2).invoke(UserResource.class);
        assertThat(second.getResources()).hasSize(1);
        List<String> all = new ArrayList<>();
        first.getResources().forEach(u -> all.add(u.getId()));
        second.getResources().forEach(u -> all.add(u.getId()));
        assertThat(all).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(scim.searchRequest("Users").page(1, 0).invoke(UserResource.class).getItemsPerPage()).isZero();
        assertThat(scim.searchRequest("Users").page(1, 100000).invoke(UserResource.class).getTotalResults()).isEqualTo(3);
    }

    @Test
    void departments_are_groups_whose_members_change_through_the_members_departments() throws Exception {
        String sales = department(unique("GSales"), null);
        String emea = department("EMEA", sales);
        String other = department(unique("GOther"), null);
        String subject = provisioningClient(sales);
        Api idp = as(subject);
        String ann = member(sales, Map.of()).get("id").asText();
        String bob = member(emea, Map.of()).get("id").asText();
        String outside = member(other, Map.of()).get("id").asText();

        Api.Response list = idp.get("/scim/v2/Groups?filter=" + encode("displayName eq \"" + departmentPath(sales) + "\""));
        assertThat(list.status()).as(String.valueOf(list.body())).isEqualTo(200);
        assertThat(list.body().get("totalResults").asInt()).isEqualTo(1);
        assertThat(list.body().at("/Resources/0/members").findValuesAsText("value")).containsExactly(ann);
        List<String> groups = idp.get("/scim/v2/Groups?excludedAttributes=members").body().get("Resources").findValuesAsText("id");
        assertThat(groups).contains(sales, emea).doesNotContain(other);
        assertThat(idp.get("/scim/v2/Groups?excludedAttributes=members").body().at("/Resources/0").has("members")).isFalse();
        com.unboundid.scim2.common.types.GroupResource group = scim(subject).retrieve("Groups", emea,
                com.unboundid.scim2.common.types.GroupResource.class);
        assertThat(group.getDisplayName()).isEqualTo(departmentPath(emea));
        assertThat(group.getMembers()).extracting(m -> m.getValue()).containsExactly(bob);
        assertScimError(idp.get("/scim/v2/Groups/" + other), 404, null);

        Api.Response added = patchGroup(idp, emea, "{\"Operations\":[{\"op\":\"Add\",\"path\":\"members\","
                + "\"value\":[{\"value\":\"" + ann + "\"}]}]}");
        assertThat(added.status()).as(String.valueOf(added.body())).isEqualTo(200);
        assertThat(added.body().get("members").findValuesAsText("value")).containsExactlyInAnyOrder(ann, bob);
        assertThat(texts(admin.get("/api/members/" + ann).body().get("departmentIds"))).containsExactly(sales, emea);
        JsonNode history = admin.get("/api/members/" + ann + "/history").body().get("items");
        assertThat(history.get(history.size() - 1).get("source").asText()).isEqualTo("SCIM");
        assertThat(history.get(history.size() - 1).get("actor").asText()).isEqualTo(subject);

        assertThat(patchGroup(idp, sales, "{\"Operations\":[{\"op\":\"Remove\",\"path\":\"members[value eq \\\"" + ann
                + "\\\"]\"}]}").status()).isEqualTo(200);
        assertThat(texts(admin.get("/api/members/" + ann).body().get("departmentIds"))).containsExactly(emea);
        // a member keeps at least one department; members outside the client's reach are no Users for it
        assertScimError(patchGroup(idp, emea, "{\"Operations\":[{\"op\":\"remove\",\"path\":\"members[value eq \\\""
                + ann + "\\\"]\"}]}"), 400, "invalidValue");
        assertScimError(patchGroup(idp, emea, "{\"Operations\":[{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\""
                + outside + "\"}]}]}"), 400, "invalidValue");
        assertThat(texts(admin.get("/api/members/" + outside).body().get("departmentIds"))).containsExactly(other);
        assertScimError(patchGroup(idp, emea, "{\"Operations\":[{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"x\"}]}"),
                400, "mutability");
        assertScimError(patchGroup(idp, other, "{\"Operations\":[{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\""
                + ann + "\"}]}]}"), 404, null);
    }

    @Test
    void custom_fields_are_the_directory_s_own_user_extension() throws Exception {
        String costCenter = "cc" + unique("").replace("-", "");
        String level = "level" + unique("").replace("-", "");
        String skills = "skills" + unique("").replace("-", "");
        String started = "started" + unique("").replace("-", "");
        assertThat(admin.post("/api/fields", Map.of("key", costCenter, "label", "Cost center " + costCenter, "type", "TEXT"))
                .status()).isEqualTo(201);
        assertThat(admin.post("/api/fields", Map.of("key", level, "label", "Level " + level, "type", "NUMBER")).status())
                .isEqualTo(201);
        assertThat(admin.post("/api/fields", Map.of("key", skills, "label", "Skills " + skills, "type", "MULTI_OPTION",
                "options", List.of(Map.of("label", "Java"), Map.of("label", "Go")))).status()).isEqualTo(201);
        assertThat(admin.post("/api/fields", Map.of("key", started, "label", "Started " + started, "type", "DATE")).status())
                .isEqualTo(201);
        String department = department(unique("Custom"), null);
        String subject = provisioningClient();
        ScimService scim = scim(subject);
        Api idp = as(subject);

        // discovery: the extension on the User resource type, and its schema listing the fields defined now
        assertThat(scim.getResourceType("User").getSchemaExtensions()).anySatisfy(extension -> {
            assertThat(extension.getSchema().toString()).isEqualTo(CUSTOM);
            assertThat(extension.isRequired()).isFalse();
        });
        Map<String, AttributeDefinition> attributes = new java.util.HashMap<>();
        scim.getSchema(CUSTOM).getAttributes().forEach(attribute -> attributes.put(attribute.getName(), attribute));
        assertThat(attributes).containsKeys(costCenter, level, skills, started).doesNotContainKeys("jobTitle", "userId");
        assertThat(attributes.get(costCenter).getType()).isEqualTo(AttributeDefinition.Type.STRING);
        assertThat(attributes.get(costCenter).getDescription()).isEqualTo("Cost center " + costCenter);
        assertThat(attributes.get(level).getType()).isEqualTo(AttributeDefinition.Type.DECIMAL);
        assertThat(attributes.get(skills).isMultiValued()).isTrue();
        assertThat(attributes.get(skills).getCanonicalValues()).containsExactly("Java", "Go");
        assertThat(attributes.get(started).getType()).as("a date as the Member JSON shows it, 2024-03-01")
                .isEqualTo(AttributeDefinition.Type.STRING);
        assertThat(attributes.get(costCenter).getMutability()).isEqualTo(AttributeDefinition.Mutability.READ_WRITE);

        // create with custom values; the console shows them
        GenericScimResource toCreate = user(unique("cf."), departmentPath(department)).asGenericScimResource();
        toCreate.replaceValue(Path.root(CUSTOM).attribute(costCenter), "CC-1");
        toCreate.replaceValue(Path.root(CUSTOM).attribute(level), JsonNodeFactory.instance.numberNode(new java.math.BigDecimal("3.50")));
        toCreate.replaceValue(Path.root(CUSTOM).attribute(skills), JsonNodeFactory.instance.arrayNode().add("go").add("Java"));
        toCreate.replaceValue(Path.root(CUSTOM).attribute(started), "2024-03-01");
        GenericScimResource created = scim.create("Users", toCreate);
        String id = created.getId();
        JsonNode custom = admin.get("/api/members/" + id).body().get("custom");
        assertThat(custom.get(costCenter).asText()).isEqualTo("CC-1");
        assertThat(custom.get(level).decimalValue()).isEqualByComparingTo("3.5");
        assertThat(texts(custom.get(skills))).containsExactly("Go", "Java");
        assertThat(custom.get(started).asText()).isEqualTo("2024-03-01");
        assertThat(created.getSchemaUrns()).contains(CUSTOM);

        // get: the values as the Member JSON shows them
        GenericScimResource fetched = scim.retrieve("Users", id, GenericScimResource.class);
        JsonNode extension = fetched.getObjectNode().get(CUSTOM);
        assertThat(extension.get(costCenter).asText()).isEqualTo("CC-1");
        assertThat(extension.get(level).decimalValue()).isEqualByComparingTo("3.5");
        assertThat(texts(extension.get(skills))).containsExactly("Go", "Java");
        assertThat(extension.get(started).asText()).isEqualTo("2024-03-01");
        assertThat(fetched.getStringValue(Path.root(CUSTOM).attribute(costCenter))).isEqualTo("CC-1");

        // PATCH: the library's path into the extension, then Entra ID's form without a path
        GenericScimResource patched = scim.modifyRequest("Users", id).replaceValue(Path.root(CUSTOM).attribute(costCenter), "CC-2")
                .invoke(GenericScimResource.class);
        assertThat(patched.getStringValue(Path.root(CUSTOM).attribute(costCenter))).isEqualTo("CC-2");
        assertThat(admin.get("/api/members/" + id).body().at("/custom/" + costCenter).asText()).isEqualTo("CC-2");
        Api.Response noPath = patch(idp, id, "{\"Operations\":[{\"op\":\"Replace\",\"value\":{\"" + CUSTOM + "\":{\""
                + level + "\":5,\"" + started + "\":null}}}]}");
        assertThat(noPath.status()).as(String.valueOf(noPath.body())).isEqualTo(200);
        custom = admin.get("/api/members/" + id).body().get("custom");
        assertThat(custom.get(level).decimalValue()).isEqualByComparingTo("5");
        assertThat(custom.has(started)).as("null clears").isFalse();
        assertThat(patch(idp, id, "{\"Operations\":[{\"op\":\"remove\",\"path\":\"" + CUSTOM + ":" + skills + "\"}]}")
                .status()).isEqualTo(200);
        assertThat(admin.get("/api/members/" + id).body().get("custom").has(skills)).isFalse();

        // a filter on a custom attribute; attributes with the extension's paths
        ListResponse<GenericScimResource> byCostCenter = scim.searchRequest("Users").filter(CUSTOM + ":" + costCenter + " eq \"cc-2\"")
                .invoke(GenericScimResource.class);
        assertThat(byCostCenter.getResources()).extracting(GenericScimResource::getId).containsExactly(id);
        assertThat(scim.searchRequest("Users").filter(CUSTOM + ":" + level + " gt 4 and " + CUSTOM + ":" + costCenter + " pr")
                .invoke(GenericScimResource.class).getTotalResults()).isEqualTo(1);
        Api.Response narrow = idp.get("/scim/v2/Users/" + id + "?attributes=" + encode(CUSTOM + ":" + level));
        assertThat(narrow.body().get(CUSTOM).has(level)).isTrue();
        assertThat(narrow.body().get(CUSTOM).has(costCenter)).isFalse();
        assertThat(narrow.body().has("userName")).isFalse();
        Api.Response excluded = idp.get("/scim/v2/Users/" + id + "?excludedAttributes=" + encode(CUSTOM + ":" + level));
        assertThat(excluded.body().get(CUSTOM).has(level)).isFalse();
        assertThat(excluded.body().get(CUSTOM).get(costCenter).asText()).isEqualTo("CC-2");

        // PUT without the extension (a provider that does not know it) keeps the values
        UserResource replacement = scim.retrieve("Users", id, UserResource.class);
        replacement.getExtensionObjectNode().remove(CUSTOM);
        replacement.setSchemaUrns(List.of("urn:ietf:params:scim:schemas:core:2.0:User", ENTERPRISE));
        replacement.setDisplayName("Kept Custom");
        assertThat(com.unboundid.scim2.common.utils.JsonUtils.valueToNode(replacement).has(CUSTOM))
                .as("the User sent has no custom fields extension").isFalse();
        scim.replace(replacement);
        custom = admin.get("/api/members/" + id).body().get("custom");
        assertThat(admin.get("/api/members/" + id).text("name")).isEqualTo("Kept Custom");
        assertThat(custom.get(costCenter).asText()).isEqualTo("CC-2");
        assertThat(custom.get(level).decimalValue()).isEqualByComparingTo("5");
        // PUT with the extension: every custom field takes the User's value, those left out are cleared
        GenericScimResource full = scim.retrieve("Users", id, GenericScimResource.class);
        full.getObjectNode().putObject(CUSTOM).putArray(skills).add("Java");
        scim.replace(full);
        custom = admin.get("/api/members/" + id).body().get("custom");
        assertThat(texts(custom.get(skills))).containsExactly("Java");
        assertThat(custom.has(costCenter)).isFalse();
        assertThat(custom.has(level)).isFalse();

        // errors: the member's rules decide the values; an unknown field is invalidPath in a PATCH, invalidFilter in a filter
        GenericScimResource badNumber = user(unique("cf."), departmentPath(department)).asGenericScimResource();
        badNumber.replaceValue(Path.root(CUSTOM).attribute(level), "three");
        ScimException refusedNumber = refused(() -> scim.create("Users", badNumber));
        assertThat(refusedNumber.getScimError().getStatus()).isEqualTo(400);
        assertThat(refusedNumber.getScimError().getScimType()).isEqualTo("invalidValue");
        assertThat(refusedNumber.getScimError().getDetail()).contains("'three' is not a number").contains("custom." + level)
                .contains("invalid_value");
        GenericScimResource badOption = user(unique("cf."), departmentPath(department)).asGenericScimResource();
        badOption.replaceValue(Path.root(CUSTOM).attribute(skills), JsonNodeFactory.instance.arrayNode().add("Cobol"));
        assertThat(refused(() -> scim.create("Users", badOption)).getScimError().getDetail()).contains("unknown_option");
        GenericScimResource unknownField = user(unique("cf."), departmentPath(department)).asGenericScimResource();
        unknownField.replaceValue(Path.root(CUSTOM).attribute("nope"), "x");
        ScimException unknown = refused(() -> scim.create("Users", unknownField));
        assertThat(unknown.getScimError().getScimType()).isEqualTo("invalidValue");
        assertThat(unknown.getScimError().getDetail()).contains("unknown_field");
        assertScimError(patch(idp, id, "{\"Operations\":[{\"op\":\"replace\",\"path\":\"" + CUSTOM + ":nope\",\"value\":\"x\"}]}"),
                400, "invalidPath");
        assertScimError(patch(idp, id, "{\"Operations\":[{\"op\":\"replace\",\"path\":\"" + CUSTOM + ":" + level
                + "\",\"value\":\"three\"}]}"), 400, "invalidValue");
        assertScimError(idp.get("/scim/v2/Users?filter=" + encode(CUSTOM + ":nope eq \"x\"")), 400, "invalidFilter");
        assertThat(texts(admin.get("/api/members/" + id).body().get("custom").get(skills))).as("nothing changed")
                .containsExactly("Java");
    }

    private static List<String> texts(JsonNode array) {
        List<String> all = new ArrayList<>();
        array.forEach(node -> all.add(node.asText()));
        return all;
    }

    private static Api.Response patchGroup(Api api, String id, String body) {
        return api.send("PATCH", "/scim/v2/Groups/" + id, body.getBytes(StandardCharsets.UTF_8), "Content-Type", SCIM_JSON);
    }

    // --- helpers --------------------------------------------------------------------------------------------

    private String adminSubject() {
        String subject = unique("ma-");
        assertThat(admin.put("/api/admins/" + subject, Map.of("permissions", List.of("MEMBER_AND_DEPARTMENT"))).status())
                .isEqualTo(200);
        return subject;
    }

    private String departmentPath(String id) {
        for (JsonNode department : admin.get("/api/departments").body().get("items")) {
            if (department.get("id").asText().equals(id)) {
                return department.get("path").asText();
            }
        }
        throw new AssertionError("no department " + id);
    }

    private static Api.Response patch(Api api, String id, String body) {
        return api.send("PATCH", "/scim/v2/Users/" + id, body.getBytes(StandardCharsets.UTF_8), "Content-Type", SCIM_JSON);
    }

    private static String encode(String text) {
        return java.net.URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static void assertScimError(Api.Response response, int status, String scimType) {
        assertThat(response.status()).as(String.valueOf(response.body())).isEqualTo(status);
        assertThat(response.body().get("schemas").get(0).asText()).isEqualTo("urn:ietf:params:scim:api:messages:2.0:Error");
        assertThat(response.body().get("status").asText()).isEqualTo(String.valueOf(status));
        assertThat(response.body().path("scimType").asText(null)).isEqualTo(scimType);
        assertThat(response.body().get("detail").asText()).isNotBlank();
    }
}
