package com.memberdirectory.query.replay;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.List;

/** One rebuild of a read model and how it went (collection {@code replays}). */
@Document("replays")
public class ReplayDocument {

    @Id
    String id;
    String projection;
    String status;
    long processedEvents;
    /**
     * How far the rebuild of the Lucene indexes (the search index, the index of member versions) has come (events;
     * the least advanced of them), when one is rebuilt: each runs on its own processor.
     */
    long searchIndexEvents;
    long documents;
    long mismatches;
    long inFlight;
    /** How long the live processors were paused for the comparison and the switch. */
    long pausedMillis;
    Boolean equal;
    Instant startedAt;
    Instant finishedAt;
    String message;
    /** The read models rebuilt (one, or every one for {@code all}) and, once compared, what each comparison found. */
    List<String> readModels;
    List<Result> results;
    /** The process running it and until when it has claimed it (see {@code JobLeases}). */
    String runner;
    Instant leaseUntil;

    public String id() {
        return id;
    }

    public String projection() {
        return projection;
    }

    public String status() {
        return status;
    }

    public long processedEvents() {
        return processedEvents;
    }

    public long documents() {
        return documents;
    }

    public long searchIndexEvents() {
        return searchIndexEvents;
    }

    public long mismatches() {
        return mismatches;
    }

    public long inFlight() {
        return inFlight;
    }

    public long pausedMillis() {
        return pausedMillis;
    }

    public Boolean equal() {
        return equal;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public Instant finishedAt() {
        return finishedAt;
    }

    public String message() {
        return message;
    }

    public List<String> readModels() {
        return readModels == null ? List.of(projection) : readModels;
    }

    public List<Result> results() {
        return results == null ? List.of() : results;
    }

    /** One read model's rebuilt collections compared with its live ones, at the same position in the events. */
    public static class Result {

        String projection;
        long documents;
        long missing;
        long extra;
        long different;
        boolean equal;
        List<String> examples;

        static Result of(String projection, List<ReadModelComparison> comparisons) {
            Result result = new Result();
            result.projection = projection;
            for (ReadModelComparison comparison : comparisons) {
                result.documents += comparison.documents();
                result.missing += comparison.missing();
                result.extra += comparison.extra();
                result.different += comparison.different();
                comparison.examples().forEach(example -> {
                    if (result.examples.size() < ReadModelComparison.EXAMPLES) {
                        result.examples.add(comparison.collection() + " " + example);
                    }
                });
            }
            result.equal = result.missing + result.extra + result.different == 0;
            return result;
        }

        Result() {
            examples = new java.util.ArrayList<>();
        }

        public String projection() {
            return projection;
        }

        /** Documents in the rebuilt read model. */
        public long documents() {
            return documents;
        }

        /** Documents the live read model had and the rebuild has not. */
        public long missing() {
            return missing;
        }

        /** Documents the rebuild has and the live read model had not. */
        public long extra() {
            return extra;
        }

        /** Documents both have, with different contents. */
        public long different() {
            return different;
        }

        public boolean equal() {
            return equal;
        }

        /** A few ids of each kind, as {@code <collection> <missing|extra|different>: <id>}. */
        public List<String> examples() {
            return examples == null ? List.of() : List.copyOf(examples);
        }
    }
}
