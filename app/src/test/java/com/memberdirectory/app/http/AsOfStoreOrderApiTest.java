package com.memberdirectory.app.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.memberdirectory.app.support.ApiTest;
import com.memberdirectory.command.uniqueness.UniqueKind;
import com.memberdirectory.command.uniqueness.UniqueValues;
import com.memberdirectory.kernel.department.DepartmentId;
import com.memberdirectory.kernel.member.Gender;
import com.memberdirectory.kernel.member.LoginEmailType;
import com.memberdirectory.kernel.member.MemberCreated;
import com.memberdirectory.kernel.member.MemberId;
import com.memberdirectory.testsupport.Api;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The directory as it was at an instant takes every event stamped at or before it, in the store's order — also
 * one stored after an event stamped later (another thread's or instance's longer transaction). The replay used to
 * stop at the first event stamped after the instant and missed such events.
 */
class AsOfStoreOrderApiTest extends ApiTest {

    @Autowired
    DataSource dataSource;
    @Autowired
    @Qualifier("eventSerializer")
    Serializer serializer;
    @Autowired
    UniqueValues unique;

    @Test
    void an_event_stored_after_one_stamped_later_is_in_the_directory_as_it_was() {
        String department = department(unique("As of order "), null);
        Instant now = Instant.now();
        MemberId late = store("Stamped Later", department, now.plusSeconds(5));
        MemberId early = store("Stamped Earlier", department, now);
        await().atMost(Duration.ofSeconds(30)).until(() -> admin.get("/api/members/" + early.value()).status() == 200);

        Api.Response between = admin.get("/api/members?departmentId=" + department + "&asOf=" + now.plusSeconds(1));
        assertThat(between.status()).as(String.valueOf(between.body())).isEqualTo(200);
        assertThat(names(between.body())).containsExactly("Stamped Earlier");

        Api.Response after = admin.get("/api/members?departmentId=" + department + "&asOf=" + now.plusSeconds(6));
        assertThat(names(after.body())).containsExactly("Stamped Earlier", "Stamped Later");
        assertThat(late).isNotEqualTo(early);
    }

    /** A member's creation as the write side stores it, stamped {@code at}. */
    private MemberId store(String name, String department, Instant at) {
        MemberId id = MemberId.generate();
        String userId = unique("order").toLowerCase(Locale.ROOT);
        MemberCreated created = new MemberCreated(id, name, null, null, null, userId, userId + "@example.com", null,
                null, false, Gender.UNSPECIFIED, List.of(new DepartmentId(department)), null, null, null, null, null,
                null, List.of(), LoginEmailType.WORK_EMAIL, userId + "@example.com");
        SerializedObject<byte[]> payload = serializer.serialize(created, byte[].class);
        SerializedObject<byte[]> metaData = serializer.serialize(MetaData.emptyInstance(), byte[].class);
        new JdbcTemplate(dataSource).update("INSERT INTO DomainEventEntry (eventIdentifier, metaData, payload,"
                        + " payloadRevision, payloadType, timestamp, aggregateIdentifier, sequenceNumber, type)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                UUID.randomUUID().toString(), metaData.getData(), new String(payload.getData(), StandardCharsets.UTF_8)
                        .getBytes(StandardCharsets.UTF_8), payload.getType().getRevision(), MemberCreated.class.getName(),
                at.toString(), id.value(), 0L, "Member");
        unique.claim(UniqueKind.MEMBER, id.value(), id.value());
        unique.claim(UniqueKind.USER_ID, userId, id.value());
        return id;
    }

    private static List<String> names(JsonNode page) {
        List<String> names = new ArrayList<>();
        page.get("items").forEach(item -> names.add(item.path("name").asText()));
        return names;
    }
}
