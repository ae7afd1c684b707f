package com.memberdirectory.app.http;

import com.memberdirectory.kernel.access.Actor;
import com.memberdirectory.app.support.ApiTest;
import com.memberdirectory.kernel.member.MemberChanges;
import com.memberdirectory.kernel.member.MemberFields;
import com.memberdirectory.kernel.member.MemberId;
import com.memberdirectory.kernel.member.MemberNameChanged;
import com.memberdirectory.kernel.member.UpdateMember;
import com.memberdirectory.kernel.metadata.MetadataKeys;
import com.memberdirectory.kernel.problem.DomainRuleViolation;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

/**
 * Group commit on the real service: accepted and refused commands that end up in the same batches (sent all at
 * once, with the aggregates loaded from the event store) each keep exactly their own outcome, and what the
 * callers were told is what the event store holds.
 */
class GroupCommitApiTest extends ApiTest {

    @Autowired
    CommandGateway commands;
    @Autowired
    EventStore events;
    @Autowired
    @Qualifier("memberCache")
    Cache memberCache;

    @Test
    void accepted_and_refused_commands_in_one_batch_each_keep_exactly_their_own_outcome() {
        String department = department(unique("Batch"), null);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            ids.add(member(department, Map.of()).get("id").asText());
        }
        memberCache.removeAll();

        List<CompletableFuture<Object>> accepted = new ArrayList<>();
        List<CompletableFuture<Object>> refused = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            MemberId member = new MemberId(ids.get(i));
            refused.add(commands.send(asAdmin(new UpdateMember(member, null, MemberChanges.builder().set(MemberFields.NAME, " ").build(), Actor.organization("admin")))));
            accepted.add(commands.send(asAdmin(new UpdateMember(member, null,
                    MemberChanges.builder().set(MemberFields.NAME, "Batched " + i).build(), Actor.organization("admin")))));
        }

        accepted.forEach(CompletableFuture::join);
        refused.forEach(answer -> assertThat(catchThrowable(answer::join))
                .isInstanceOf(CompletionException.class).hasCauseInstanceOf(DomainRuleViolation.class));
        for (int i = 0; i < ids.size(); i++) {
            List<Object> renames = events.readEvents(ids.get(i)).asStream()
                    .filter(event -> event.getPayload() instanceof MemberNameChanged).map(event -> event.getPayload())
                    .map(Object.class::cast).toList();
            assertThat(renames).as("member %d", i).hasSize(1);
            assertThat(((MemberNameChanged) renames.get(0)).after()).isEqualTo("Batched " + i);
            String id = ids.get(i);
            String name = "Batched " + i;
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(admin.get("/api/members/" + id).text("name")).as("member list").isEqualTo(name));
        }
    }

    private static GenericCommandMessage<Object> asAdmin(Object command) {
        return new GenericCommandMessage<>(command, MetaData.from(Map.of(MetadataKeys.ACTOR, "admin",
                MetadataKeys.SOURCE, "API", MetadataKeys.CORRELATION_ID, UUID.randomUUID().toString())));
    }
}
