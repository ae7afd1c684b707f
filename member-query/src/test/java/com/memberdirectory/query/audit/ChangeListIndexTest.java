package com.memberdirectory.query.audit;

import com.memberdirectory.kernel.audit.AuditQuery;
import com.memberdirectory.kernel.member.FieldChange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The index of the change list answers every filter and page exactly as sorting and filtering all changes would:
 * changes written in several batches (several segments), some written again (a batch tried again), many in the same
 * millisecond, pages at the start, the middle and the end, oldest and newest first; and the same after reopening.
 */
class ChangeListIndexTest {

    private static final Comparator<ChangeRecord> LIST_ORDER = Comparator
            .comparingLong((ChangeRecord c) -> c.occurredAt().toEpochMilli())
            .thenComparingLong(ChangeRecord::sequence)
            .thenComparing(ChangeRecord::id);
    private static final List<String> FIELDS = List.of("city", "name", "workEmail", "departmentIds", "custom.level");
    private static final List<String> ACTORS = List.of("admin-a", "admin-b", "primary", "scim-client");
    private static final Instant START = Instant.parse("2026-03-01T09:00:00Z");

    @TempDir
    Path folder;
    private ChangeListIndex index;
    private final Random random = new Random(20261206);

    @AfterEach
    void close() throws IOException {
        if (index != null) {
            index.close();
        }
    }

    @Test
    void every_filter_and_page_is_the_list_sorted_and_filtered() throws IOException {
        index = ChangeListIndex.open(folder.resolve("changes"));
        List<String> members = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            members.add(UUID.randomUUID().toString());
        }
        Map<String, ChangeRecord> all = new LinkedHashMap<>();
        Map<String, Long> sequences = new LinkedHashMap<>();
        for (int batch = 0; batch < 6; batch++) {
            for (int i = 0; i < 250; i++) {
                String member = members.get(random.nextInt(members.size()));
                long sequence = sequences.merge(member, 1L, Long::sum) - 1;
                ChangeRecord change = change(member, sequence);
                index.put(change);
                all.put(change.id(), change);
            }
            if (batch % 2 == 1) {
                // a batch tried again after a failure: the same event id, the same entry
                List<ChangeRecord> again = new ArrayList<>(all.values()).subList(0, 30);
                again.forEach(index::put);
            }
            index.page(query(null, null, null, null, null, null, null, true, 0, 1)); // a reader: the batch becomes a segment
        }
        assertAnswers(all.values(), members);
        for (ChangeRecord change : new ArrayList<>(all.values()).subList(0, 50)) {
            assertThat(index.change(change.id())).isEqualTo(change);
        }
        assertThat(index.change("no-such-event")).isNull();

        index.commit();
        index.close();
        index = ChangeListIndex.open(folder.resolve("changes"));
        assertAnswers(all.values(), members);
    }

    @Test
    void a_scope_without_members_sees_nothing_and_an_empty_index_answers_nothing() {
        index = ChangeListIndex.open(folder.resolve("changes"));
        assertThat(index.page(query(null, null, null, null, null, null, null, true, 0, 50)).total()).isZero();
        index.put(change(UUID.randomUUID().toString(), 0));
        ChangeListIndex.Page none = index.page(query(null, null, null, null, null, null, Set.of(), true, 0, 50));
        assertThat(none.total()).isZero();
        assertThat(none.items()).isEmpty();
    }

    private void assertAnswers(java.util.Collection<ChangeRecord> changes, List<String> members) {
        List<ChangeRecord> sorted = changes.stream().sorted(LIST_ORDER).toList();
        Instant from = START.plusMillis(300);
        Instant to = START.plusMillis(900);
        List<AuditQuery> questions = new ArrayList<>();
        Set<String> scope = Set.copyOf(members.subList(0, 15));
        for (boolean newestFirst : List.of(true, false)) {
            questions.add(query(null, null, null, null, null, null, null, newestFirst, 0, 50));
            questions.add(query(from, to, null, null, null, null, null, newestFirst, 0, 20));
            questions.add(query(from, null, "admin-b", null, null, null, null, newestFirst, 0, 20));
            questions.add(query(null, to, null, "city", null, null, null, newestFirst, 0, 20));
            questions.add(query(null, null, null, null, members.get(3), null, null, newestFirst, 0, 10));
            questions.add(query(null, null, null, null, null, "import:batch-2", null, newestFirst, 0, 20));
            questions.add(query(null, null, null, "name", null, null, scope, newestFirst, 0, 20));
            questions.add(query(from, to, "primary", "workEmail", null, "CONSOLE", scope, newestFirst, 0, 5));
        }
        for (AuditQuery question : questions) {
            List<ChangeRecord> expected = sorted.stream().filter(matches(question)).collect(Collectors.toList());
            if (question.newestFirst()) {
                java.util.Collections.reverse(expected);
            }
            int pages = (expected.size() + question.size() - 1) / question.size();
            for (int page : List.of(0, 1, pages / 2, Math.max(0, pages - 1), pages, pages + 3)) {
                AuditQuery paged = query(question.from(), question.to(), question.actor(), question.field(),
                        question.memberId(), question.source(), question.memberIds(), question.newestFirst(), page,
                        question.size());
                ChangeListIndex.Page answer = index.page(paged);
                int fromIndex = Math.min(expected.size(), page * question.size());
                int toIndex = Math.min(expected.size(), fromIndex + question.size());
                assertThat(answer.total()).as("total of %s", paged).isEqualTo(expected.size());
                assertThat(answer.items()).as("page %d of %s", page, paged).isEqualTo(expected.subList(fromIndex, toIndex));
            }
        }
    }

    private static Predicate<ChangeRecord> matches(AuditQuery q) {
        return c -> (q.from() == null || c.occurredAt().toEpochMilli() >= q.from().toEpochMilli())
                && (q.to() == null || c.occurredAt().toEpochMilli() < q.to().toEpochMilli())
                && (q.actor() == null || q.actor().equals(c.actor()))
                && (q.field() == null || c.fields().contains(q.field()))
                && (q.memberId() == null || q.memberId().equals(c.memberId()))
                && (q.source() == null || q.source().equalsIgnoreCase(c.source()))
                && (q.memberIds() == null || q.memberIds().contains(c.memberId()));
    }

    /** A change stamped in one of 1,200 milliseconds (so many share one), by one of a few actors and sources. */
    private ChangeRecord change(String member, long sequence) {
        String field = FIELDS.get(random.nextInt(FIELDS.size()));
        List<FieldChange> changes = new ArrayList<>();
        changes.add(new FieldChange(field, random.nextBoolean() ? null : "before " + random.nextInt(5),
                field.equals("departmentIds") ? List.of("d-" + random.nextInt(3), "d-9") : "after " + random.nextInt(5)));
        if (random.nextInt(4) == 0) {
            changes.add(new FieldChange("hasLoginPassword", false, true));
            changes.add(new FieldChange("level", 3, 4L));
        }
        String source = switch (random.nextInt(4)) {
            case 0 -> "IMPORT:batch-2";
            case 1 -> "SCIM";
            case 2 -> null;
            default -> "CONSOLE";
        };
        return new ChangeRecord(UUID.randomUUID().toString(), member, field + "Changed",
                START.plusMillis(random.nextInt(1_200)), sequence, ACTORS.get(random.nextInt(ACTORS.size())), source,
                random.nextBoolean() ? "corr-" + random.nextInt(10) : null, changes);
    }

    private static AuditQuery query(Instant from, Instant to, String actor, String field, String memberId, String source,
                                    Set<String> memberIds, boolean newestFirst, int page, int size) {
        return new AuditQuery(from, to, actor, field, memberId, source, memberIds, newestFirst, page, size);
    }
}
