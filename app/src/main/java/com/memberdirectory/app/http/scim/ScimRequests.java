package com.memberdirectory.app.http.scim;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.memberdirectory.app.http.ReadModel;
import com.memberdirectory.app.scim.ScimCustomFields;
import com.memberdirectory.app.scim.ScimException;
import com.memberdirectory.app.scim.ScimSchemas;
import com.memberdirectory.app.security.AdminAccess;
import com.memberdirectory.kernel.access.Actor;
import com.memberdirectory.kernel.access.Viewer;
import com.memberdirectory.kernel.field.FieldList;
import com.memberdirectory.kernel.field.ListFields;
import com.memberdirectory.kernel.member.ListMembers;
import com.memberdirectory.kernel.member.MemberPage;
import com.memberdirectory.kernel.member.MemberView;
import com.memberdirectory.kernel.metadata.MetadataKeys;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What the SCIM controllers do the same way: who the client is, sending its commands, reading its members and the
 * custom fields, the JSON body, the paging numbers and the list response.
 */
final class ScimRequests {

    /** Members read per page while the whole member list a client manages is read. */
    private static final int SCAN_PAGE = 500;

    /** Duplicate keys are refused, not resolved by the last one. */
    static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);

    private ScimRequests() {
    }

    static JsonNode parse(byte[] body) {
        if (body == null || body.length == 0) {
            throw ScimException.invalidSyntax("The request has no body.");
        }
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw ScimException.invalidSyntax("The body is not valid JSON.");
        }
    }

    /** A whole number given as text; absent: {@code otherwise}; beyond an int: clamped. */
    static int number(String text, String name, int otherwise) {
        if (text == null || text.isBlank()) {
            return otherwise;
        }
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            if (text.strip().matches("-?[0-9]+")) {
                return text.strip().startsWith("-") ? Integer.MIN_VALUE : Integer.MAX_VALUE;
            }
            throw ScimException.invalidValue(name + " is a whole number.");
        }
    }

    /** The custom fields defined now, from the field list {@code GET /api/fields} answers. */
    static ScimCustomFields customFields(ReadModel readModel) {
        return ScimCustomFields.of(readModel.ask(new ListFields(), FieldList.class).items());
    }

    /** The provisioning client calling, or 403: only a PROVISIONING grant opens SCIM. */
    static Actor actor(AdminAccess access) {
        return access.provisioningActor().orElseThrow(() -> new ScimException(403, null,
                "SCIM needs the PROVISIONING permission, granted by the primary administrator (PUT /api/admins/{subject})."));
    }

    /** Sends a member command as the SCIM client, recorded with source SCIM (the actor is the client's subject). */
    static <R> R send(CommandGateway commands, Object command) {
        return commands.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                .andMetaData(Map.of(MetadataKeys.SOURCE, MetadataKeys.SOURCE_SCIM)));
    }

    /**
     * Every member the client manages (sees all of) among those the member list finds for {@code q} (null: all),
     * page by page in list order.
     */
    static void forEachManagedMember(ReadModel readModel, Viewer viewer, String q, Consumer<MemberView> action) {
        for (int index = 0; ; index++) {
            MemberPage members = readModel.ask(new ListMembers(null, null, q, null, index, SCAN_PAGE, viewer), MemberPage.class);
            for (MemberView member : members.items()) {
                if (viewer.seesAllOf(member.departmentIds())) {
                    action.accept(member);
                }
            }
            if (members.items().size() < SCAN_PAGE) {
                return;
            }
        }
    }

    /** A list response being filled: counts every match, keeps those of the asked page (1-based {@code start}). */
    static final class ListPage {

        private final int start;
        private final int wanted;
        private final List<JsonNode> page = new ArrayList<>();
        private long total;

        ListPage(int start, int wanted) {
            this.start = start;
            this.wanted = wanted;
        }

        /** One more match, in order; {@code shown} makes what the page shows of it, only if it is on the page. */
        void matched(java.util.function.Supplier<JsonNode> shown) {
            total++;
            if (total >= start && page.size() < wanted) {
                page.add(shown.get());
            }
        }

        ObjectNode response() {
            ObjectNode answer = JSON.createObjectNode();
            answer.putArray("schemas").add(ScimSchemas.LIST_RESPONSE);
            answer.put("totalResults", total);
            answer.put("startIndex", start);
            answer.put("itemsPerPage", page.size());
            answer.putArray("Resources").addAll(page);
            return answer;
        }
    }
}
