package com.memberdirectory.kernel.metadata;

import java.util.List;

/** Keys of the metadata that every command carries and every event inherits. */
public final class MetadataKeys {

    /** Subject of the caller who caused the change ({@code sub} of the JWT, or {@code system}). */
    public static final String ACTOR = "actor";
    /** Through what the change was made: {@code API}, {@code SCIM}, {@code IMPORT:<id>}, {@code UNDO:<import id>} or {@code SYSTEM}. */
    public static final String SOURCE = "source";
    /** Correlates every event of one request or one import. */
    public static final String CORRELATION_ID = "correlationId";

    public static final List<String> ALL = List.of(ACTOR, SOURCE, CORRELATION_ID);

    public static final String SOURCE_API = "API";
    public static final String SOURCE_SYSTEM = "SYSTEM";
    /** Changes made by an identity provider's provisioning client over SCIM ({@code /scim/v2}). */
    public static final String SOURCE_SCIM = "SCIM";
    /** Prefix of the source of changes made by an import: {@code IMPORT:<import id>}. */
    public static final String SOURCE_IMPORT_PREFIX = "IMPORT:";
    /** Prefix of the source of changes made by the undo of an import: {@code UNDO:<import id>} (docs/undo.md). */
    public static final String SOURCE_UNDO_PREFIX = "UNDO:";

    private MetadataKeys() {
    }
}
