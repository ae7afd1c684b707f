package com.memberdirectory.app.scim;

import java.util.List;

/**
 * The schema and message URNs of RFC 7643 / RFC 7644 this service speaks, and the directory's own extension of the
 * User resource for custom fields.
 */
public final class ScimSchemas {

    public static final String USER = "urn:ietf:params:scim:schemas:core:2.0:User";
    public static final String ENTERPRISE_USER = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    /** The directory's own User extension: one attribute per custom field, named by the field's key. */
    public static final String CUSTOM_USER = "urn:memberdirectory:params:scim:schemas:extension:custom:2.0:User";
    /** The extensions of the User resource, each an object of its own in a User. */
    public static final List<String> USER_EXTENSIONS = List.of(ENTERPRISE_USER, CUSTOM_USER);
    public static final String LIST_RESPONSE = "urn:ietf:params:scim:api:messages:2.0:ListResponse";
    public static final String PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
    public static final String ERROR = "urn:ietf:params:scim:api:messages:2.0:Error";
    public static final String SERVICE_PROVIDER_CONFIG = "urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig";
    public static final String RESOURCE_TYPE = "urn:ietf:params:scim:schemas:core:2.0:ResourceType";
    public static final String SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:Schema";

    public static final String MEDIA_TYPE = "application/scim+json";

    private ScimSchemas() {
    }
}
