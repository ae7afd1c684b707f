package com.memberdirectory.notification.delivery;

import com.memberdirectory.kernel.metadata.MetadataKeys;

/**
 * Who made a change and through what, from the event's metadata. Only an administrator's change — in the console
 * or API, by an import or its undo, or by an identity provider's provisioning client over SCIM (granted by the primary admin, so
 * it acts for the organization's administrators) — notifies the member; the system's own changes and a member's changes to their own
 * record do not.
 */
record ChangeOrigin(String actor, String source) {

    boolean byAdministrator() {
        if (actor == null || actor.isBlank() || source == null) {
            return false;
        }
        return MetadataKeys.SOURCE_API.equals(source) || MetadataKeys.SOURCE_SCIM.equals(source)
                || source.startsWith(MetadataKeys.SOURCE_IMPORT_PREFIX) || source.startsWith(MetadataKeys.SOURCE_UNDO_PREFIX);
    }

    boolean byMember(String memberUserId) {
        return memberUserId != null && memberUserId.equalsIgnoreCase(actor);
    }

    /** How the message names who made the change. */
    String describe() {
        if (source != null && source.startsWith(MetadataKeys.SOURCE_IMPORT_PREFIX)) {
            return actor + " (import " + source.substring(MetadataKeys.SOURCE_IMPORT_PREFIX.length()) + ")";
        }
        if (source != null && source.startsWith(MetadataKeys.SOURCE_UNDO_PREFIX)) {
            return actor + " (undo of import " + source.substring(MetadataKeys.SOURCE_UNDO_PREFIX.length()) + ")";
        }
        if (MetadataKeys.SOURCE_SCIM.equals(source)) {
            return actor + " (SCIM provisioning)";
        }
        return actor;
    }
}
