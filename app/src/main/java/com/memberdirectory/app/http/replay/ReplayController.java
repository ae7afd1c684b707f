package com.memberdirectory.app.http.replay;

import com.memberdirectory.app.http.ApiException;
import com.memberdirectory.app.security.AdminAccess;
import com.memberdirectory.query.replay.ReadModelReplays;
import com.memberdirectory.query.replay.ReplayDocument;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Instant;
import java.util.List;

/** Rebuilding read models from the events (primary admin only). */
@RestController
@RequestMapping("/api/admin/replays")
class ReplayController {

    record ReplayRequest(@Schema(description = "The read model to rebuild: members, audit (the change list), admins,"
            + " departments, fields, imports (the import history), notifications (the notification log), search (the member"
            + " search index), asof (the index of member versions that answers asOf), changes (the index of the change"
            + " list), or all",
            allowableValues = {"members", "audit", "admins", "departments", "fields", "imports", "notifications", "search",
                    "asof", "changes", "all"})
                         String projection) {
    }

    record ReadModelResult(String projection, long documents, long missing, long extra, long different, boolean equal,
                           List<String> examples) {
    }

    record ReplayResponse(String id, String projection, List<String> readModels, String status, long processedEvents,
                          long searchIndexEvents, long documents, Boolean equal, long mismatches, long inFlight, long pausedMillis,
                          List<ReadModelResult> results,
                          Instant startedAt, Instant finishedAt, String message) {
        static ReplayResponse of(ReplayDocument r) {
            return new ReplayResponse(r.id(), r.projection(), r.readModels(), r.status(), r.processedEvents(), r.searchIndexEvents(),
                    r.documents(),
                    r.equal(), r.mismatches(), r.inFlight(), r.pausedMillis(), r.results().stream().map(x -> new ReadModelResult(x.projection(),
                    x.documents(), x.missing(), x.extra(), x.different(), x.equal(), x.examples())).toList(),
                    r.startedAt(), r.finishedAt(), r.message());
        }
    }

    private final ReadModelReplays replays;
    private final AdminAccess access;

    ReplayController(ReadModelReplays replays, AdminAccess access) {
        this.replays = replays;
        this.access = access;
    }

    @Operation(summary = "Rebuild a read model from the events while queries keep answering from the old one",
            description = "Rebuilds the read model into new collections, compares them with the live ones at the same"
                    + " position in the events, and switches to them; the Lucene indexes (search, asof) are rebuilt in"
                    + " place and compared with the member list. `all` rebuilds every read model in one pass."
                    + " Poll GET /api/admin/replays/{id} for the progress and, per read model, what the comparison found.")
    @PostMapping
    ResponseEntity<ReplayResponse> start(@RequestBody ReplayRequest request) {
        access.requirePrimaryAdmin();
        if (request == null || request.projection() == null || !replays.projections().contains(request.projection())) {
            throw ApiException.badField("projection", "The read models that can be rebuilt: "
                    + String.join(", ", replays.projections()) + ".");
        }
        ReplayDocument replay = replays.start(request.projection());
        return ResponseEntity.accepted().location(URI.create("/api/admin/replays/" + replay.id())).body(ReplayResponse.of(replay));
    }

    @GetMapping("/{id}")
    ReplayResponse get(@PathVariable String id) {
        access.requirePrimaryAdmin();
        ReplayDocument replay = replays.find(id);
        if (replay == null) {
            throw ApiException.notFound("There is no replay '" + id + "'.");
        }
        return ReplayResponse.of(replay);
    }
}
