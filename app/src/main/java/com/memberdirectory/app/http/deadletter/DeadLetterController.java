package com.memberdirectory.app.http.deadletter;

import com.memberdirectory.app.deadletter.DeadLetters;
import com.memberdirectory.app.http.ApiException;
import com.memberdirectory.app.security.AdminAccess;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * The read models' dead letters (primary admin only): events a projection failed on, kept in a stored queue per
 * processing group with the later events of the same entry behind them.
 */
@RestController
@RequestMapping("/api/admin/dead-letters")
class DeadLetterController {

    record DeadLetterList(long total, List<DeadLetters.Group> groups) {
    }

    private final DeadLetters deadLetters;
    private final AdminAccess access;

    DeadLetterController(DeadLetters deadLetters, AdminAccess access) {
        this.deadLetters = deadLetters;
        this.access = access;
    }

    @Operation(summary = "The dead letters of every read-model processing group: per sequence (the entry's id), its"
            + " events with type, aggregate id, cause, time and retries")
    @GetMapping
    DeadLetterList list() {
        access.requirePrimaryAdmin();
        List<DeadLetters.Group> groups = deadLetters.groups().stream().map(deadLetters::list).toList();
        return new DeadLetterList(groups.stream().mapToLong(DeadLetters.Group::deadLetters).sum(), groups);
    }

    @Operation(summary = "Process the group's dead letters again (only the given sequence's when sequenceId is set);"
            + " those that fail again stay, with their retry count raised")
    @PostMapping("/{group}/retry")
    DeadLetters.Retried retry(@PathVariable String group, @RequestParam(required = false) String sequenceId) {
        access.requirePrimaryAdmin();
        requireGroup(group);
        return deadLetters.retry(group, sequenceId);
    }

    @Operation(summary = "Evict every dead letter of a sequence: the read model gives up those events")
    @DeleteMapping("/{group}/{sequenceId}")
    ResponseEntity<Void> evict(@PathVariable String group, @PathVariable String sequenceId) {
        access.requirePrimaryAdmin();
        requireGroup(group);
        if (!deadLetters.evict(group, sequenceId)) {
            throw ApiException.notFound("Processing group '" + group + "' has no dead letters of sequence '" + sequenceId + "'.");
        }
        return ResponseEntity.noContent().build();
    }

    private void requireGroup(String group) {
        if (!deadLetters.has(group)) {
            throw ApiException.notFound("There is no processing group '" + group + "' with dead letters; the groups: "
                    + deadLetters.groups() + ".");
        }
    }
}
