package com.memberdirectory.app.importing;

import com.memberdirectory.command.importing.CustomColumn;
import com.memberdirectory.command.importing.ImportCatalog;
import com.memberdirectory.query.field.FieldLabels;

import java.util.List;

/** The custom fields an import recognises, from the field list. */
public class FieldCatalogForImports implements ImportCatalog {

    private final FieldLabels fields;

    public FieldCatalogForImports(FieldLabels fields) {
        this.fields = fields;
    }

    @Override
    public List<CustomColumn> customColumns() {
        return fields.valueFields().stream().filter(f -> !f.builtIn())
                .map(f -> new CustomColumn(f.label(), f.key(), f.type())).toList();
    }
}
