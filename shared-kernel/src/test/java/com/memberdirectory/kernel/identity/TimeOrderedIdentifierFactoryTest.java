package com.memberdirectory.kernel.identity;

import com.memberdirectory.kernel.department.DepartmentId;
import com.memberdirectory.kernel.member.MemberId;
import org.axonframework.common.IdentifierFactory;
import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class TimeOrderedIdentifierFactoryTest {

    @Test
    void axonUsesItForEveryMessage() {
        assertThat(IdentifierFactory.getInstance()).isInstanceOf(TimeOrderedIdentifierFactory.class);
        String eventId = GenericEventMessage.asEventMessage("payload").getIdentifier();
        assertThat(UUID.fromString(eventId).version()).isEqualTo(7);
    }

    @Test
    void identifiersAreUuidsInCreationOrderAndNeverRepeat() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 100_000; i++) {
            ids.add(i % 2 == 0 ? MemberId.generate().value() : DepartmentId.generate().value());
        }
        assertThat(new HashSet<>(ids)).hasSize(ids.size());
        // Canonical lower-case text whose string order is the creation order, also within one millisecond.
        assertThat(ids).isSorted().allSatisfy(id -> {
            UUID uuid = UUID.fromString(id);
            assertThat(uuid.toString()).isEqualTo(id);
            assertThat(uuid.version()).isEqualTo(7);
            assertThat(uuid.variant()).isEqualTo(2);
        });
    }

    @Test
    void theirFirstBitsAreTheCreationTime() {
        long before = System.currentTimeMillis();
        UUID id = UUID.fromString(TimeOrderedIdentifierFactory.next());
        long after = System.currentTimeMillis();
        assertThat(id.getMostSignificantBits() >>> 16).isBetween(before, after);
    }
}
