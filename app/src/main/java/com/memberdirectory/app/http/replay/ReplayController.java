package com.memberdirectory.app.http.replay;

import com.memberdirectory.app.http.ApiException;
import com.memberdirectory.app.security.AdminAccess;
import com.memberdirectory.query.replay.ReadModelReplays;
import com.memberdirectory.query.replay.ReplayDocument;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Instant;

/** Rebuilding read models from the events (primary admin only). */
@RestController
@RequestMapping("/api/admin/replays")
class ReplayController {

    record ReplayRequest(String projection) {
    }

    record ReplayResponse(String id, String projection, String status, long processedEvents, long documents,
                          Boolean equal, long mismatches, long inFlight, Instant startedAt, Instant finishedAt,
                          String message) {
        static ReplayResponse of(ReplayDocument r) {
            return new ReplayResponse(r.id(), r.projection(), r.status(), r.processedEvents(), r.documents(), r.equal(),
                    r.mismatches(), r.inFlight(), r.startedAt(), r.finishedAt(), r.message());
        }
    }

    private final ReadModelReplays replays;
    private final AdminAccess access;

    ReplayController(ReadModelReplays replays, AdminAccess access) {
        this.replays = replays;
        this.access = access;
    }

    @Operation(summary = "Rebuild a read model from the events while queries keep answering from the old one")
    @PostMapping
    ResponseEntity<ReplayResponse> start(@RequestBody ReplayRequest request) {
        access.requirePrimaryAdmin();
        if (request.projection() == null || !ReadModelReplays.PROJECTIONS.contains(request.projection())) {
            throw ApiException.badField("projection", "The read models that can be rebuilt: " + ReadModelReplays.PROJECTIONS + ".");
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
