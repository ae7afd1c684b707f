package com.memberdirectory.query.replay;

import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ReadModelComparisonTest {

    @Test
    void equal_documents_in_any_field_order_and_with_another_type_hint_are_no_difference() {
        ReadModelComparison comparison = new ReadModelComparison("departments");
        comparison.rebuilt("d1", new Document("_id", "d1").append("name", "Sales").append("path", List.of("Sales")),
                new Document("path", List.of("Sales")).append("_id", "d1").append("name", "Sales").append("_class", "Old"));

        assertThat(comparison.documents()).isEqualTo(1);
        assertThat(comparison.mismatches()).isZero();
        assertThat(comparison.examples()).isEmpty();
    }

    @Test
    void missing_extra_and_different_documents_are_counted_with_their_ids() {
        ReadModelComparison comparison = new ReadModelComparison("departments");
        comparison.rebuilt("same", new Document("_id", "same").append("name", "A"), new Document("_id", "same").append("name", "A"));
        comparison.rebuilt("changed", new Document("_id", "changed").append("name", "B"),
                new Document("_id", "changed").append("name", "Tampered"));
        comparison.rebuilt("new", new Document("_id", "new"), null);
        comparison.onlyLive("gone");

        assertThat(comparison.documents()).isEqualTo(3);
        assertThat(comparison.different()).isEqualTo(1);
        assertThat(comparison.extra()).isEqualTo(1);
        assertThat(comparison.missing()).isEqualTo(1);
        assertThat(comparison.mismatches()).isEqualTo(3);
        assertThat(comparison.examples()).containsExactly("different: changed", "extra: new", "missing: gone");
    }

    @Test
    void documents_found_equal_by_the_caller_count_as_documents_and_nothing_else() {
        ReadModelComparison comparison = new ReadModelComparison("search");
        comparison.agreed();
        comparison.agreed();
        assertThat(comparison.documents()).isEqualTo(2);
        assertThat(comparison.mismatches()).isZero();
    }

    @Test
    void only_the_first_few_ids_are_kept_as_examples() {
        ReadModelComparison comparison = new ReadModelComparison("audit");
        for (int i = 0; i < 100; i++) {
            comparison.onlyLive("e" + i);
        }
        assertThat(comparison.missing()).isEqualTo(100);
        assertThat(comparison.examples()).hasSize(ReadModelComparison.EXAMPLES).startsWith("missing: e0");
    }

    @Test
    void a_result_sums_a_read_models_collections() {
        ReadModelComparison fields = new ReadModelComparison("fields");
        fields.rebuilt("f", new Document("_id", "f"), new Document("_id", "f").append("label", "x"));
        ReadModelComparison position = new ReadModelComparison("field_catalog_position");
        position.rebuilt("p", new Document("_id", "p"), new Document("_id", "p"));

        ReplayDocument.Result result = ReplayDocument.Result.of("fields", List.of(fields, position));

        assertThat(result.documents()).isEqualTo(2);
        assertThat(result.different()).isEqualTo(1);
        assertThat(result.equal()).isFalse();
        assertThat(result.examples()).containsExactly("fields different: f");
    }

    @Test
    void a_processor_has_handled_an_event_at_or_before_its_position_unless_it_is_one_of_its_gaps() {
        GapAwareTrackingToken processed = GapAwareTrackingToken.newInstance(10, Set.of(7L));
        assertThat(ReadModelRebuild.reached(processed, GapAwareTrackingToken.newInstance(10, Set.of()))).isTrue();
        assertThat(ReadModelRebuild.reached(processed, GapAwareTrackingToken.newInstance(3, Set.of()))).isTrue();
        assertThat(ReadModelRebuild.reached(processed, GapAwareTrackingToken.newInstance(11, Set.of()))).isFalse();
        assertThat(ReadModelRebuild.reached(processed, GapAwareTrackingToken.newInstance(7, Set.of()))).as("a gap").isFalse();
        assertThat(ReadModelRebuild.reached(null, new GlobalSequenceTrackingToken(0))).as("nothing handled yet").isFalse();
        assertThat(ReadModelRebuild.reached(null, null)).as("no events at all").isTrue();
    }
}
