package com.memberdirectory.app.axon.upcasting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.memberdirectory.kernel.member.MemberCreated;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * {@code MemberCreated} revision 1 (the first release: name, user ID, work email, phone, departments, login)
 * to revision 2 (every field of the member record): the new fields get the values a member created then
 * had — nothing set, phone visible, gender unspecified, no dotted-line managers.
 */
@Component
@Order(0)
public class MemberCreatedUpcaster extends SingleEventUpcaster {

    private static final SimpleSerializedType REVISION_1 = new SimpleSerializedType(MemberCreated.class.getName(), "1");
    private static final SimpleSerializedType REVISION_2 = new SimpleSerializedType(MemberCreated.class.getName(), "2");
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final Map<String, JsonNode> ADDED = Map.ofEntries(
            Map.entry("surname", JSON.nullNode()), Map.entry("firstName", JSON.nullNode()),
            Map.entry("alias", JSON.nullNode()), Map.entry("businessEmail", JSON.nullNode()),
            Map.entry("hidePhone", JSON.booleanNode(false)), Map.entry("gender", JSON.textNode("UNSPECIFIED")),
            Map.entry("seatId", JSON.nullNode()), Map.entry("employeeId", JSON.nullNode()),
            Map.entry("employmentDate", JSON.nullNode()), Map.entry("countryRegion", JSON.nullNode()),
            Map.entry("city", JSON.nullNode()), Map.entry("managerId", JSON.nullNode()),
            Map.entry("dottedLineManagerIds", JSON.arrayNode()));

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return representation.getType().equals(REVISION_1);
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(REVISION_2, JsonNode.class, payload -> {
            ObjectNode event = ((ObjectNode) payload).deepCopy();
            ADDED.forEach((field, value) -> {
                if (!event.has(field)) {
                    event.set(field, value);
                }
            });
            return event;
        });
    }
}
