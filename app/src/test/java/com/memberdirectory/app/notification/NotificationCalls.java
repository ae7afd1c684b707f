package com.memberdirectory.app.notification;

import com.fasterxml.jackson.databind.JsonNode;
import com.memberdirectory.testsupport.Api;

import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

/** The calls the notification tests repeat, each checking its answer's status. */
final class NotificationCalls {

    private NotificationCalls() {
    }

    /** A new top-level department; answers its id. */
    static String department(Api admin, String name) {
        return admin.post("/api/departments", Map.of("name", name)).expect(201).path("id").asText();
    }

    /** A new member in {@code departmentId}; answers the Member JSON. */
    static JsonNode member(Api admin, String name, String workEmail, String phone, String departmentId) {
        return admin.post("/api/members", Map.of("name", name, "workEmail", workEmail, "phone", phone,
                "departmentIds", List.of(departmentId))).expect(201);
    }

    /** Which contact changes notify the member's bot. */
    static void notifyOn(Api admin, boolean phoneNumber, boolean workEmail) {
        admin.put("/api/settings/contact-change-notifications", Map.of("phoneNumber", phoneNumber, "workEmail", workEmail))
                .expect(200);
    }

    /** The notification log of one member. */
    static List<JsonNode> notifications(Api admin, String memberId) {
        JsonNode items = admin.get("/api/notifications?memberId=" + memberId).expect(200).path("items");
        return StreamSupport.stream(items.spliterator(), false).toList();
    }
}
