package com.memberdirectory.app.axon;

import com.memberdirectory.kernel.field.BuiltInFields;
import com.memberdirectory.kernel.field.InitializeFieldCatalog;
import com.memberdirectory.kernel.metadata.MetadataKeys;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.UUID;

/** Sets up the built-in fields (and the workforce type's preset options) on the first start; later a no-op. */
@Component
class FieldCatalogInitializer {

    private final CommandGateway commands;

    FieldCatalogInitializer(CommandGateway commands) {
        this.commands = commands;
    }

    @EventListener(ApplicationReadyEvent.class)
    void initialize() {
        commands.sendAndWait(new InitializeFieldCatalog(BuiltInFields.CATALOG_ID), MetaData.with(MetadataKeys.ACTOR, "system")
                .and(MetadataKeys.SOURCE, MetadataKeys.SOURCE_SYSTEM)
                .and(MetadataKeys.CORRELATION_ID, UUID.randomUUID().toString()));
    }
}
