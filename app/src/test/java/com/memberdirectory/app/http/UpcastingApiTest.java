package com.memberdirectory.app.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.memberdirectory.app.support.ApiTest;
import com.memberdirectory.command.uniqueness.UniqueKind;
import com.memberdirectory.command.uniqueness.UniqueValues;
import com.memberdirectory.kernel.department.DepartmentId;
import com.memberdirectory.kernel.member.Gender;
import com.memberdirectory.kernel.member.LoginEmailType;
import com.memberdirectory.kernel.member.MemberCreated;
import com.memberdirectory.kernel.member.MemberId;
import com.memberdirectory.testsupport.Api;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Events stored by an earlier release, at an older revision, are read as the current revision on every path. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class UpcastingApiTest extends ApiTest {

    /** The fields revision 2 of MemberCreated added; a revision-1 event has none of them. */
    private static final List<String> ADDED_IN_REVISION_2 = List.of("surname", "firstName", "alias", "businessEmail",
            "hidePhone", "gender", "seatId", "employeeId", "employmentDate", "countryRegion", "city", "managerId",
            "dottedLineManagerIds");

    @Autowired
    DataSource dataSource;
    @Autowired
    @Qualifier("eventSerializer")
    Serializer serializer;
    @Autowired
    UniqueValues unique;
    @Autowired
    EventStore events;

    @Test
    void a_member_created_by_a_revision_1_event_is_listed_shown_and_edited_like_any_other() throws Exception {
        String department = department(unique("Upcast "), null);
        MemberId id = MemberId.generate();
        String userId = unique("upcast");
        storeRevision1Creation(id, userId, department);

        // Read back through the event store, the event has the fields revision 2 added, with the values a member
        // created then had — not the nulls a plain deserialisation of the old JSON would give.
        MemberCreated read = (MemberCreated) events.readEvents(id.value()).next().getPayload();
        assertThat(read.gender()).isEqualTo(Gender.UNSPECIFIED);
        assertThat(read.dottedLineManagerIds()).isEmpty();

        Api.Response shown = await().atMost(Duration.ofSeconds(30)).until(
                () -> admin.get("/api/members/" + id.value()), response -> response.status() == 200);
        assertThat(shown.text("name")).isEqualTo("Old Release Member");
        assertThat(shown.text("gender")).isEqualTo(Gender.UNSPECIFIED.name());
        assertThat(shown.body().get("hidePhone").asBoolean()).isFalse();
        assertThat(shown.body().get("dottedLineManagerIds")).isEmpty();

        // The aggregate is loaded from the same event: an edit works and its history starts with the creation.
        Api.Response edited = admin.patch("/api/members/" + id.value(), Map.of("city", "Lisbon"), "If-Match", "\"1\"");
        assertThat(edited.status()).as(String.valueOf(edited.body())).isEqualTo(200);
        assertThat(edited.text("city")).isEqualTo("Lisbon");
        assertThat(edited.text("gender")).isEqualTo(Gender.UNSPECIFIED.name());
        JsonNode history = admin.get("/api/members/" + id.value() + "/history").body();
        assertThat(history.toString()).contains("Old Release Member", "Lisbon");
    }

    /** As the first release wrote it: revision "1", only the fields it knew, and the claims it made. */
    private void storeRevision1Creation(MemberId id, String userId, String department) {
        MemberCreated current = new MemberCreated(id, "Old Release Member", null, null, null, userId,
                userId + "@example.com", null, null, false, Gender.UNSPECIFIED, List.of(new DepartmentId(department)),
                null, null, null, null, null, null, List.of(), LoginEmailType.WORK_EMAIL, userId + "@example.com");
        ObjectNode payload = serializer.serialize(current, JsonNode.class).getData().deepCopy();
        ADDED_IN_REVISION_2.forEach(payload::remove);
        SerializedObject<byte[]> metaData = serializer.serialize(MetaData.emptyInstance(), byte[].class);
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        jdbc.update("INSERT INTO DomainEventEntry (eventIdentifier, metaData, payload, payloadRevision, payloadType,"
                        + " timestamp, aggregateIdentifier, sequenceNumber, type) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                UUID.randomUUID().toString(), metaData.getData(), payload.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8),
                "1", MemberCreated.class.getName(), Instant.now().toString(), id.value(), 0L, "Member");
        unique.claim(UniqueKind.MEMBER, id.value(), id.value());
        unique.claim(UniqueKind.USER_ID, userId.toLowerCase(java.util.Locale.ROOT), id.value());
    }
}
