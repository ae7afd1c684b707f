package com.memberdirectory.kernel.admin;

/** What an administrator may do. */
public enum Permission {
    /** Edit members and departments in the console, the API and imports (with the grant's departments, if any). */
    MEMBER_AND_DEPARTMENT,
    /**
     * Provision members over SCIM 2.0 ({@code /scim/v2}, docs/scim.md): for an identity provider's client, with the
     * grant's departments, if any. It gives nothing on {@code /api}.
     */
    PROVISIONING
}
