package com.memberdirectory.app.http.field;

import com.memberdirectory.app.http.ApiException;
import com.memberdirectory.app.http.ReadModel;
import com.memberdirectory.app.security.AdminAccess;
import com.memberdirectory.kernel.field.BuiltInFields;
import com.memberdirectory.kernel.field.ChangeFieldOptions;
import com.memberdirectory.kernel.field.DefineField;
import com.memberdirectory.kernel.field.FieldCatalogWritten;
import com.memberdirectory.kernel.field.FieldList;
import com.memberdirectory.kernel.field.FieldType;
import com.memberdirectory.kernel.field.FieldView;
import com.memberdirectory.kernel.field.FindField;
import com.memberdirectory.kernel.field.ListFields;
import com.memberdirectory.kernel.field.OptionInput;
import com.memberdirectory.kernel.field.RenameField;
import io.swagger.v3.oas.annotations.Operation;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;

/** Field management over HTTP (docs/member-record.md, Field management). */
@RestController
@RequestMapping("/api/fields")
class FieldController {

    /** Body of {@code POST /api/fields}: options are labels (or {@code {"label"}} objects). */
    record DefineFieldRequest(String key, String label, FieldType type, List<OptionInput> options) {
    }

    /** Body of {@code PATCH /api/fields/{key}}. */
    record RenameFieldRequest(String label) {
    }

    private final CommandGateway commands;
    private final ReadModel readModel;
    private final AdminAccess access;

    FieldController(CommandGateway commands, ReadModel readModel, AdminAccess access) {
        this.commands = commands;
        this.readModel = readModel;
        this.access = access;
    }

    @Operation(summary = "Every field: the member record's built-in fields, then option fields and custom fields")
    @GetMapping
    FieldList list() {
        return readModel.ask(new ListFields(), FieldList.class);
    }

    @Operation(summary = "Add a custom field")
    @PostMapping
    ResponseEntity<FieldView> define(@RequestBody DefineFieldRequest request) {
        List<String> options = request.options() == null ? List.of()
                : request.options().stream().map(o -> o == null ? null : o.label()).toList();
        FieldCatalogWritten written = commands.sendAndWait(new DefineField(BuiltInFields.CATALOG_ID, request.key(),
                request.label(), request.type(), options, access.actor()));
        FieldView field = readModel.ask(new FindField(request.key().strip(), written.version()), FieldView.class);
        return ResponseEntity.created(URI.create("/api/fields/" + field.key())).body(field);
    }

    @Operation(summary = "Change a field's label")
    @PatchMapping("/{key}")
    FieldView rename(@PathVariable String key, @RequestBody RenameFieldRequest request) {
        return written(key, commands.sendAndWait(new RenameField(BuiltInFields.CATALOG_ID, key, request.label(), access.actor())));
    }

    @Operation(summary = "Add, rename, reorder and remove options (an option in use cannot be removed: 409)")
    @PutMapping("/{key}/options")
    FieldView options(@PathVariable String key, @RequestBody List<OptionInput> options) {
        return written(key, commands.sendAndWait(new ChangeFieldOptions(BuiltInFields.CATALOG_ID, key, options, access.actor())));
    }

    private FieldView written(String key, FieldCatalogWritten written) {
        FieldView field = readModel.ask(new FindField(key, written.version()), FieldView.class);
        if (field == null) {
            throw ApiException.notFound("There is no field '" + key + "'.");
        }
        return field;
    }
}
