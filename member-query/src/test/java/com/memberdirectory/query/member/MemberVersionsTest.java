package com.memberdirectory.query.member;

import com.memberdirectory.kernel.department.DepartmentId;
import com.memberdirectory.kernel.member.CityChanged;
import com.memberdirectory.kernel.member.CustomFieldValueChanged;
import com.memberdirectory.kernel.member.DepartmentsChanged;
import com.memberdirectory.kernel.member.Gender;
import com.memberdirectory.kernel.member.LoginEmailType;
import com.memberdirectory.kernel.member.MemberCreated;
import com.memberdirectory.kernel.member.MemberEvent;
import com.memberdirectory.kernel.member.MemberId;
import com.memberdirectory.kernel.member.MemberNameChanged;
import com.memberdirectory.kernel.member.MemberOffboarded;
import com.memberdirectory.kernel.member.MemberResumed;
import com.memberdirectory.kernel.member.MemberStatus;
import com.memberdirectory.kernel.member.MemberSuspended;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.data.mongodb.core.convert.MappingMongoConverter;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;
import org.springframework.data.mongodb.core.convert.NoOpDbRefResolver;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The index of member versions answers the member list and one member as they were at an instant exactly as a full
 * replay of the events does ({@link MemberListReplay}) — same members, same versions of them, same order, same total —
 * on random histories: members created, renamed (to names shared with others, with accents and characters beyond
 * the BMP), moved between departments, suspended, resumed and offboarded, stored in an order that is not the order
 * of their time stamps, asked about at random instants (many of them exactly an event's stamp), pages and
 * departments.
 */
class MemberVersionsTest {

    private static final List<String> NAMES = List.of("Ann", "ann", "Bob", "Émile", "Emile", "Zoë", "\uD835\uDC9Clice",
            "\uFF21nn", "Ann Lee");
    private static final List<String> DEPARTMENTS = List.of("d0", "d1", "d2", "d3", "d4", "d5");
    private static final Instant BASE = Instant.parse("2026-03-01T08:00:00Z");

    @TempDir
    Path folder;
    private final MappingMongoConverter converter = converter();
    private MemberVersions versions;
    private EventStore events;
    private final List<Instant> stamps = new ArrayList<>();
    private final List<String> ids = new ArrayList<>();

    @AfterEach
    void close() throws IOException {
        if (versions != null) {
            versions.close();
        }
    }

    @Test
    void every_answer_equals_a_full_replay() {
        Random random = new Random(20261206);
        build(random, 250, 4_000, Long.MAX_VALUE);
        compareAtRandomInstants(random, 200);
    }

    @Test
    void a_reopened_index_carries_on_and_events_applied_again_change_nothing() throws IOException {
        Random random = new Random(7);
        build(random, 120, 2_000, 1_200);
        versions.commit();
        versions.close();

        versions = MemberVersions.open(folder.resolve("asof"), converter);
        // the processor starts again a little before where the index stood: those events were applied already
        project(versions, 900, Long.MAX_VALUE);
        compareAtRandomInstants(random, 100);
    }

    @Test
    void a_reset_index_built_again_answers_the_same() {
        Random random = new Random(11);
        build(random, 80, 1_000, 600);
        versions.clear();
        assertThat(versions.page(Instant.now(), null, 0, 10).total()).isZero();
        project(versions, 0, Long.MAX_VALUE);
        compareAtRandomInstants(random, 60);
    }

    @Test
    void an_instant_before_the_first_event_finds_nobody_and_one_far_ahead_finds_the_directory_as_it_is() {
        build(new Random(3), 40, 300, Long.MAX_VALUE);
        MemberListReplay replay = new MemberListReplay(events, new AsOfLimits(1_000_000, Duration.ofMinutes(1)));

        assertThat(versions.page(Instant.EPOCH, null, 0, 10).total()).isZero();
        assertThat(versions.page(Instant.MIN, null, 0, 10).total()).isZero();
        AsOfPage now = versions.page(Instant.MAX, null, 0, 1_000);
        assertSame(now, replay.page(Instant.parse("9999-12-31T23:59:59Z"), null, 0, 1_000));
        assertThat(now.items()).isNotEmpty().noneMatch(member -> member.status == MemberStatus.OFFBOARDED);
    }

    @Test
    void pages_at_every_depth_of_an_index_of_many_segments_equal_a_full_replay() {
        Random random = new Random(2026);
        events = history(random, 400, 6_000);
        versions = MemberVersions.open(folder.resolve("asof"), converter);
        // a read between slices of events makes what was written readable: a segment per slice, and versions of
        // the same members in several of them (the later ones replacing the open versions of the earlier ones)
        for (long from = 0; from < 6_000; from += 250) {
            project(versions, from, from + 250);
            versions.page(Instant.MAX, null, 0, 1);
        }
        MemberListReplay replay = new MemberListReplay(events, new AsOfLimits(1_000_000, Duration.ofMinutes(1)));
        Instant last = stamps.stream().max(Instant::compareTo).orElseThrow();
        for (int i = 0; i < 12; i++) {
            Instant asOf = i == 0 ? last : stamps.get(random.nextInt(stamps.size()));
            Map<String, MemberDocument> all = replay.members(asOf);
            List<Set<String>> filters = new ArrayList<>();
            filters.add(null);
            filters.add(Set.of(DEPARTMENTS.get(random.nextInt(DEPARTMENTS.size()))));
            filters.add(Set.of(DEPARTMENTS.get(random.nextInt(3)), DEPARTMENTS.get(3 + random.nextInt(3))));
            for (Set<String> departments : filters) {
                int size = 1 + random.nextInt(25);
                long total = MemberListReplay.page(all.values(), departments, 0, 1).total();
                int lastPage = (int) ((total - 1) / size);
                for (int page : new int[] {0, 1, lastPage / 2 - 1, lastPage / 2, lastPage / 2 + 1, lastPage - 1, lastPage,
                        lastPage + 1}) {
                    if (page < 0) {
                        continue;
                    }
                    String what = "asOf " + asOf + ", departments " + departments + ", page " + page + " of " + size
                            + " (total " + total + ")";
                    assertSame(versions.page(asOf, departments, (long) page * size, size),
                            MemberListReplay.page(all.values(), departments, page, size), what);
                }
            }
        }
    }

    /** A random history of {@code count} events of up to {@code members} members, its first {@code projected} in the index. */
    private void build(Random random, int members, int count, long projected) {
        events = history(random, members, count);
        versions = MemberVersions.open(folder.resolve("asof"), converter);
        project(versions, 0, projected);
    }

    private void compareAtRandomInstants(Random random, int instants) {
        MemberListReplay replay = new MemberListReplay(events, new AsOfLimits(1_000_000, Duration.ofMinutes(1)));
        Instant last = stamps.stream().max(Instant::compareTo).orElseThrow();
        for (int i = 0; i < instants; i++) {
            Instant asOf = switch (random.nextInt(3)) {
                case 0 -> stamps.get(random.nextInt(stamps.size()));
                case 1 -> stamps.get(random.nextInt(stamps.size())).minusNanos(1);
                default -> BASE.minusSeconds(30).plusMillis((long) (random.nextDouble()
                        * Duration.between(BASE, last).plusMinutes(1).toMillis()));
            };
            Set<String> departments = switch (random.nextInt(3)) {
                case 0 -> null;
                case 1 -> Set.of(DEPARTMENTS.get(random.nextInt(DEPARTMENTS.size())));
                default -> Set.of(DEPARTMENTS.get(random.nextInt(3)), DEPARTMENTS.get(3 + random.nextInt(3)));
            };
            Map<String, MemberDocument> all = replay.members(asOf);
            int size = 1 + random.nextInt(40);
            long total = MemberListReplay.page(all.values(), departments, 0, 1).total();
            int page = random.nextInt((int) (total / size) + 2);
            String what = "asOf " + asOf + ", departments " + departments + ", page " + page + " of " + size;
            AsOfPage expected = MemberListReplay.page(all.values(), departments, page, size);
            assertSame(versions.page(asOf, departments, (long) page * size, size), expected, what);

            for (int m = 0; m < 5; m++) {
                String id = ids.get(random.nextInt(ids.size()));
                MemberDocument fromIndex = versions.asOf(id, asOf);
                MemberDocument fromEvents = replay.member(id, asOf);
                assertThat(bson(fromIndex)).as("member " + id + " " + what).isEqualTo(bson(fromEvents));
                assertThat(bson(fromEvents)).as("the directory's replay has the member as the member's own does")
                        .isEqualTo(bson(all.get(id)));
            }
        }
    }

    private void assertSame(AsOfPage actual, AsOfPage expected, String... what) {
        String description = what.length == 0 ? "" : what[0];
        assertThat(actual.total()).as("total, " + description).isEqualTo(expected.total());
        assertThat(actual.items().stream().map(this::bson).toList()).as("items, " + description)
                .isEqualTo(expected.items().stream().map(this::bson).toList());
    }

    /**
     * Random member events, stored in the order of a commit clock that ticks 200 ms per event; each event is stamped
     * up to 20 s before it is stored (a long transaction, another instance), so the store's order is not the order of
     * the stamps — while one member's stamps follow its sequence (sometimes two in the same instant).
     */
    private EventStore history(Random random, int members, int count) {
        EventStore store = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
        Map<String, Long> sequence = new HashMap<>();
        Map<String, Instant> lastStamp = new HashMap<>();
        Map<String, MemberStatus> status = new HashMap<>();
        Map<String, String> name = new HashMap<>();
        Map<String, List<DepartmentId>> departments = new HashMap<>();
        for (int k = 0; k < count; k++) {
            Instant committed = BASE.plusMillis(200L * k);
            Instant stamp = committed.minusMillis(random.nextInt(20_000));
            String id;
            MemberEvent event;
            if (ids.isEmpty() || ids.size() < members && random.nextInt(8) == 0) {
                id = UUID.randomUUID().toString();
                ids.add(id);
                List<DepartmentId> in = randomDepartments(random);
                String first = NAMES.get(random.nextInt(NAMES.size()));
                event = new MemberCreated(new MemberId(id), first, null, null, null, "u" + ids.size(),
                        "m" + ids.size() + "@example.com", null, null, false, Gender.UNSPECIFIED, in, null, null, null, null,
                        null, null, List.of(), LoginEmailType.WORK_EMAIL, "m" + ids.size() + "@example.com");
                status.put(id, MemberStatus.INACTIVE);
                name.put(id, first);
                departments.put(id, in);
            } else {
                id = ids.get(random.nextInt(ids.size()));
                MemberId member = new MemberId(id);
                int kind = random.nextInt(20);
                if (kind < 6) {
                    String next = NAMES.get(random.nextInt(NAMES.size())) + (random.nextBoolean() ? "" : " " + random.nextInt(3));
                    event = new MemberNameChanged(member, name.get(id), next);
                    name.put(id, next);
                } else if (kind < 11) {
                    List<DepartmentId> next = randomDepartments(random);
                    event = new DepartmentsChanged(member, departments.get(id), next);
                    departments.put(id, next);
                } else if (kind < 14) {
                    event = new CityChanged(member, null, "City " + random.nextInt(5));
                } else if (kind < 16) {
                    event = new CustomFieldValueChanged(member, "f", null, random.nextBoolean() ? List.of("x") : List.of());
                } else if (kind < 18) {
                    event = status.get(id) == MemberStatus.SUSPENDED ? new MemberResumed(member, MemberStatus.ACTIVE)
                            : new MemberSuspended(member, status.get(id));
                    status.put(id, status.get(id) == MemberStatus.SUSPENDED ? MemberStatus.ACTIVE : MemberStatus.SUSPENDED);
                } else if (kind == 18 && status.get(id) != MemberStatus.OFFBOARDED) {
                    event = new MemberOffboarded(member, status.get(id));
                    status.put(id, MemberStatus.OFFBOARDED);
                } else {
                    event = new CityChanged(member, null, "Town " + random.nextInt(5));
                }
            }
            Instant previous = lastStamp.get(id);
            if (previous != null && !stamp.isAfter(previous)) {
                stamp = random.nextInt(4) == 0 ? previous : previous.plusMillis(1 + random.nextInt(50));
            }
            lastStamp.put(id, stamp);
            long seq = sequence.merge(id, 1L, Long::sum) - 1;
            stamps.add(stamp);
            EventMessage<?> message = new GenericDomainEventMessage<>("Member", id, seq, event, MetaData.emptyInstance(),
                    UUID.randomUUID().toString(), stamp);
            store.publish(message);
        }
        return store;
    }

    private static List<DepartmentId> randomDepartments(Random random) {
        List<DepartmentId> in = new ArrayList<>();
        int count = random.nextInt(3);
        for (int i = 0; i < count; i++) {
            DepartmentId department = new DepartmentId(DEPARTMENTS.get(random.nextInt(DEPARTMENTS.size())));
            if (!in.contains(department)) {
                in.add(department);
            }
        }
        return in;
    }

    /** Feeds the events at store positions {@code from} (inclusive) to {@code to} to the projection, as its processor would. */
    private void project(MemberVersions index, long from, long to) {
        MemberVersionProjection projection = new MemberVersionProjection(index);
        long position = 0;
        try (BlockingStream<TrackedEventMessage<?>> stream = events.openStream(null)) {
            while (stream.hasNextAvailable() && position < to) {
                TrackedEventMessage<?> message = stream.nextAvailable();
                if (position++ < from) {
                    continue;
                }
                DomainEventMessage<?> domain = (DomainEventMessage<?>) message;
                projection.on((MemberEvent) message.getPayload(), domain.getSequenceNumber(), message.getTimestamp());
                if (position % 97 == 0) {
                    Map<String, String> at = Map.of("at", String.valueOf(position));
                    index.batchDone(() -> at, position);
                }
            }
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
        Map<String, String> at = Map.of("at", String.valueOf(position));
        index.batchDone(() -> at, position);
    }

    private Document bson(MemberDocument member) {
        if (member == null) {
            return null;
        }
        Document document = new Document();
        converter.write(member, document);
        return document;
    }

    private static MappingMongoConverter converter() {
        MongoCustomConversions conversions = new MongoCustomConversions(List.of());
        MongoMappingContext context = new MongoMappingContext();
        context.setSimpleTypeHolder(conversions.getSimpleTypeHolder());
        context.afterPropertiesSet();
        MappingMongoConverter converter = new MappingMongoConverter(NoOpDbRefResolver.INSTANCE, context);
        converter.setCustomConversions(conversions);
        converter.afterPropertiesSet();
        return converter;
    }
}
