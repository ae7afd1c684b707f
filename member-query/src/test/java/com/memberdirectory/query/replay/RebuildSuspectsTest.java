package com.memberdirectory.query.replay;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RebuildSuspectsTest {

    @Test
    void up_to_the_limit_differences_are_kept_to_compare_again_and_beyond_it_they_are_tallied_as_found() {
        RebuildSuspects suspects = new RebuildSuspects("audit", 2);
        suspects.found("a", new Document("_id", "a").append("v", 1), new Document("_id", "a").append("v", 2));
        suspects.found("b", null, new Document("_id", "b"));
        suspects.found("c", new Document("_id", "c").append("v", 1), new Document("_id", "c").append("v", 2));
        suspects.found("d", null, new Document("_id", "d"));
        suspects.found("e", new Document("_id", "e"), null);

        assertThat(suspects.ids()).containsExactly("a", "b");
        assertThat(suspects.beyond().different()).isEqualTo(1);
        assertThat(suspects.beyond().missing()).isEqualTo(1);
        assertThat(suspects.beyond().extra()).isEqualTo(1);
        assertThat(suspects.beyondRebuilt()).isEqualTo(2);
        assertThat(suspects.beyond().examples()).containsExactly("different: c", "missing: d", "extra: e");
    }
}
