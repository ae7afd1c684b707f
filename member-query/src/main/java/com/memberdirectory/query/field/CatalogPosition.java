package com.memberdirectory.query.field;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** How far the field projection has read the catalog's events; read-your-writes waits on it. */
@Document("field_catalog_position")
class CatalogPosition {

    static final String ID = "catalog";

    @Id
    String id = ID;
    long version;
}
