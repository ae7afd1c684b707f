package com.memberdirectory.query.search;

import com.memberdirectory.kernel.access.Viewer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The index answers every search as a full scan with {@link MemberMatcher} does: same members, same order, same
 * total — on random members whose texts are drawn from a small alphabet with accents and case, so that near
 * misses (the query's grams present, but not in a row) are common.
 */
class MemberSearchIndexTest {

    private static final String[] LETTERS = {"a", "b", "c", "á", "B", "C", " ", "1", "+"};
    private static final List<String> DEPARTMENTS = List.of("d1", "d2", "d3", "d4");

    @TempDir
    Path folder;
    private MemberSearchIndex index;

    @AfterEach
    void close() throws IOException {
        if (index != null) {
            index.close();
        }
    }

    @Test
    void everySearchEqualsAFullScan() {
        Random random = new Random(20261205);
        index = MemberSearchIndex.open(folder.resolve("search"));
        List<SearchEntry> members = new ArrayList<>();
        for (int i = 0; i < 1_500; i++) {
            SearchEntry member = randomMember(random, "m" + i);
            members.add(member);
            index.put(member);
            if (i % 400 == 0) {
                index.batchDone(() -> Map.of(), "t" + i);
            }
        }
        // Some members change after they were first indexed: the index keeps only their latest state.
        for (int i = 0; i < 300; i++) {
            int at = random.nextInt(members.size());
            SearchEntry changed = randomMember(random, members.get(at).id());
            members.set(at, changed);
            index.put(changed);
        }
        index.batchDone(() -> Map.of(), "end");

        List<Viewer> viewers = List.of(Viewer.organization("org"), Viewer.publicOnly("reader"),
                Viewer.departments("scoped", Set.of("d1", "d3")), Viewer.departments("scoped-none", Set.of("d9")));
        int compared = 0;
        for (int round = 0; round < 600; round++) {
            MemberSearch search = randomSearch(random, members, viewers.get(round % viewers.size()));
            MemberMatcher matcher = new MemberMatcher(search);
            List<SearchEntry> expected = members.stream().filter(matcher).sorted(MemberMatcher.ORDER).toList();
            MemberSearchIndex.Hits hits = index.search(search);
            assertThat(hits.total()).as("total of %s", search).isEqualTo(expected.size());
            assertThat(hits.ids()).as("page of %s", search).isEqualTo(expected.stream()
                    .skip(search.offset()).limit(search.limit()).map(SearchEntry::id).toList());
            compared += expected.size();
        }
        assertThat(compared).as("the searches found members at all").isGreaterThan(10_000);
    }

    @Test
    void anEntryReadsBackAsItWasPutBeforeAndAfterItIsSearchable() {
        index = MemberSearchIndex.open(folder.resolve("search"));
        SearchEntry member = new SearchEntry("m1", 3, "Zoë", "ACTIVE", List.of("d1", "d2"), true, true,
                Map.of("name", "Zoë", "phone", "+8613800000000", "loginEmail", "zoe@example.com"));
        index.put(member);
        assertThat(index.entry("m1")).isEqualTo(member);
        index.batchDone(() -> Map.of(), "t1");
        assertThat(index.entry("m1")).isEqualTo(member);
        assertThat(index.entry("m2")).isNull();
    }

    @Test
    void aReopenedIndexHasItsLastCommitAndItsPosition() throws IOException {
        Path path = folder.resolve("search");
        index = MemberSearchIndex.open(path);
        index.put(entry("m1", "Anna"));
        index.batchDone(() -> Map.of("token", "42"), "t42");
        index.close();
        index = MemberSearchIndex.open(path);
        assertThat(index.committedPosition()).containsEntry("token", "42");
        assertThat(index.search(all()).ids()).containsExactly("m1");
    }

    @Test
    void anIndexThatCannotBeReadIsStartedAgainEmpty() throws IOException {
        Path path = folder.resolve("search");
        index = MemberSearchIndex.open(path);
        index.put(entry("m1", "Anna"));
        index.batchDone(() -> Map.of("token", "42"), "t42");
        index.close();
        index = null;
        try (Stream<Path> files = Files.list(path)) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith("segments")).toList()) {
                Files.write(file, new byte[]{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16});
            }
        }
        index = MemberSearchIndex.open(path);
        assertThat(index.committedPosition()).isEmpty();
        assertThat(index.search(all()).total()).isZero();
    }

    private static MemberSearch all() {
        return new MemberSearch(null, null, null, false, Viewer.organization("org"), 0, 50);
    }

    private static SearchEntry entry(String id, String name) {
        return new SearchEntry(id, 1, name, "ACTIVE", List.of(), false, false, Map.of("name", name));
    }

    private static SearchEntry randomMember(Random random, String id) {
        Map<String, String> texts = new HashMap<>();
        for (String field : SearchFields.ALL) {
            if (random.nextInt(5) > 0) {
                texts.put(field, word(random, 1 + random.nextInt(8)));
            }
        }
        List<String> departments = DEPARTMENTS.stream().filter(d -> random.nextInt(3) == 0).toList();
        String name = random.nextInt(20) == 0 ? null : texts.get("name");
        String status = List.of("ACTIVE", "INACTIVE", "SUSPENDED", "OFFBOARDED").get(random.nextInt(4));
        return new SearchEntry(id, 1 + random.nextInt(5), name, status,
                departments, random.nextBoolean(), random.nextInt(3) == 0, texts);
    }

    private static MemberSearch randomSearch(Random random, List<SearchEntry> members, Viewer viewer) {
        String q = switch (random.nextInt(5)) {
            case 0 -> null;
            case 1 -> word(random, 1 + random.nextInt(2));
            case 2 -> word(random, 3 + random.nextInt(3));
            default -> {
                // a piece of a real value, re-cased or with accents dropped
                SearchEntry member = members.get(random.nextInt(members.size()));
                String value = member.texts().values().stream().findFirst().orElse("abc");
                int from = random.nextInt(value.length());
                String piece = value.substring(from, Math.min(value.length(), from + 1 + random.nextInt(6)));
                yield random.nextBoolean() ? piece.toUpperCase() : SearchText.fold(piece);
            }
        };
        Set<String> departments = random.nextInt(4) == 0 ? Set.of(DEPARTMENTS.get(random.nextInt(4))) : null;
        String status = random.nextInt(4) == 0 ? (random.nextBoolean() ? "ACTIVE" : "SUSPENDED") : null;
        boolean withoutPassword = random.nextInt(5) == 0;
        int limit = 1 + random.nextInt(30);
        long offset = random.nextInt(3) == 0 ? random.nextInt(200) : 0;
        return new MemberSearch(departments, status, q, withoutPassword, viewer, offset, limit);
    }

    private static String word(Random random, int length) {
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < length; i++) {
            word.append(LETTERS[random.nextInt(LETTERS.length)]);
        }
        return word.toString();
    }
}
