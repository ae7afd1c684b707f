package com.memberdirectory.app.http.scim;

import com.memberdirectory.app.scim.ScimCustomFields;
import com.memberdirectory.app.scim.ScimDiscovery;
import com.memberdirectory.app.scim.ScimException;
import com.memberdirectory.app.scim.ScimSchemas;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.memberdirectory.app.http.ReadModel;
import com.memberdirectory.app.security.AdminAccess;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** SCIM discovery (RFC 7644 §4), for provisioning clients like every other SCIM endpoint. */
@Tag(name = "SCIM 2.0")
@RestController
@RequestMapping("/scim/v2")
class ScimDiscoveryController {

    private static final MediaType SCIM = MediaType.parseMediaType(ScimSchemas.MEDIA_TYPE);

    private final AdminAccess access;
    private final ReadModel readModel;

    ScimDiscoveryController(AdminAccess access, ReadModel readModel) {
        this.access = access;
        this.readModel = readModel;
    }

    @Operation(summary = "What this SCIM service supports: PATCH and ETags; no bulk, sorting or password changes")
    @GetMapping("/ServiceProviderConfig")
    ResponseEntity<JsonNode> serviceProviderConfig() {
        requireClient();
        return ok(ScimDiscovery.serviceProviderConfig(base()));
    }

    @Operation(summary = "The resource types: User (with the enterprise and custom fields extensions) and Group (departments)")
    @GetMapping("/ResourceTypes")
    ResponseEntity<JsonNode> resourceTypes() {
        requireClient();
        return ok(ScimDiscovery.list(ScimDiscovery.resourceTypes(base())));
    }

    @Operation(summary = "One resource type")
    @GetMapping("/ResourceTypes/{name}")
    ResponseEntity<JsonNode> resourceType(@PathVariable String name) {
        requireClient();
        return ok(ScimDiscovery.resourceTypes(base()).stream().filter(type -> type.get("id").asText().equals(name))
                .findFirst().orElseThrow(() -> ScimException.notFound("There is no resource type '" + name + "'.")));
    }

    @Operation(summary = "The schemas: User, Enterprise User, the custom fields extension (one attribute per custom field) "
            + "and Group, with the attributes the directory keeps")
    @GetMapping("/Schemas")
    ResponseEntity<JsonNode> schemas() {
        requireClient();
        return ok(ScimDiscovery.list(ScimDiscovery.schemas(base(), customFields())));
    }

    @Operation(summary = "One schema, by its URN")
    @GetMapping("/Schemas/{id}")
    ResponseEntity<JsonNode> schema(@PathVariable String id) {
        requireClient();
        return ok(ScimDiscovery.schemas(base(), customFields()).stream().filter(schema -> schema.get("id").asText().equals(id)).findFirst()
                .orElseThrow(() -> ScimException.notFound("There is no schema '" + id + "'.")));
    }

    private void requireClient() {
        if (access.provisioningActor().isEmpty()) {
            throw new ScimException(403, null, "SCIM needs the PROVISIONING permission, granted by the primary "
                    + "administrator (PUT /api/admins/{subject}).");
        }
    }

    private ScimCustomFields customFields() {
        return ScimRequests.customFields(readModel);
    }

    private static String base() {
        return ServletUriComponentsBuilder.fromCurrentContextPath().path("/scim/v2").toUriString();
    }

    private static ResponseEntity<JsonNode> ok(ObjectNode body) {
        return ResponseEntity.ok().contentType(SCIM).body(body);
    }
}
