package com.memberdirectory.app.http.member;

import com.fasterxml.jackson.databind.JsonNode;
import com.memberdirectory.app.http.ApiException;
import com.memberdirectory.app.http.ReadModel;
import com.memberdirectory.app.http.Versions;
import com.memberdirectory.app.security.AdminAccess;
import com.memberdirectory.kernel.department.DepartmentId;
import com.memberdirectory.kernel.member.CreateMember;
import com.memberdirectory.kernel.member.FindMember;
import com.memberdirectory.kernel.member.ListMembers;
import com.memberdirectory.kernel.member.MemberId;
import com.memberdirectory.kernel.member.MemberPage;
import com.memberdirectory.kernel.member.MemberStatus;
import com.memberdirectory.kernel.member.MemberView;
import com.memberdirectory.kernel.member.MemberWritten;
import com.memberdirectory.kernel.member.UpdateMember;
import io.swagger.v3.oas.annotations.Operation;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;

/** Members over HTTP: translates requests into commands and queries, nothing more. */
@RestController
@RequestMapping("/api/members")
class MemberController {

    static final int MAX_PAGE_SIZE = 500;

    private final CommandGateway commands;
    private final ReadModel readModel;
    private final AdminAccess access;

    MemberController(CommandGateway commands, ReadModel readModel, AdminAccess access) {
        this.commands = commands;
        this.readModel = readModel;
        this.access = access;
    }

    @Operation(summary = "Add a member (INACTIVE; a user ID is generated when none is given)")
    @PostMapping
    ResponseEntity<MemberView> create(@RequestBody CreateMemberRequest request) {
        access.requireMayWriteMember(List.of(), request.departmentIdsOrEmpty());
        MemberId id = MemberId.generate();
        commands.sendAndWait(new CreateMember(id, request.toChanges()));
        MemberView member = readModel.ask(new FindMember(id, 1), MemberView.class);
        return ResponseEntity.created(URI.create("/api/members/" + id))
                .eTag(Versions.etag(member.version()))
                .body(member);
    }

    @Operation(summary = "One member, with its version as ETag")
    @GetMapping("/{id}")
    ResponseEntity<MemberView> get(@PathVariable String id) {
        MemberView member = find(id);
        return ResponseEntity.ok().eTag(Versions.etag(member.version())).body(visible(member));
    }

    @Operation(summary = "Change some fields of a member (JSON merge patch; null clears)")
    @PatchMapping(value = "/{id}", consumes = {"application/merge-patch+json", "application/json"})
    ResponseEntity<MemberView> patch(@PathVariable String id,
                                     @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                     @RequestBody JsonNode body) {
        MemberView current = find(id);
        UpdateMember command = new UpdateMember(new MemberId(id), Versions.expected(ifMatch), MemberPatch.toChanges(body));
        List<String> after = command.changes().departmentIds().present()
                ? command.changes().departmentIds().value().stream().filter(java.util.Objects::nonNull).map(DepartmentId::value).toList()
                : current.departmentIds();
        access.requireMayWriteMember(current.departmentIds(), after);
        MemberWritten written = commands.sendAndWait(command);
        MemberView member = readModel.ask(new FindMember(written.memberId(), written.version()), MemberView.class);
        return ResponseEntity.ok().eTag(Versions.etag(member.version())).body(member);
    }

    @Operation(summary = "A page of members, filtered by department (and its sub-departments), status and text")
    @GetMapping
    MemberPage list(@RequestParam(required = false) String departmentId,
                    @RequestParam(required = false) String q,
                    @RequestParam(required = false) MemberStatus status,
                    @RequestParam(defaultValue = "0") int page,
                    @RequestParam(defaultValue = "50") int size) {
        if (page < 0) {
            throw ApiException.badField("page", "'page' starts at 0.");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw ApiException.badField("size", "'size' is between 1 and " + MAX_PAGE_SIZE + ".");
        }
        MemberPage result = readModel.ask(new ListMembers(departmentId, status, q, page, size), MemberPage.class);
        if (access.isAdmin()) {
            return result;
        }
        return new MemberPage(result.items().stream().map(MemberView::forNonAdmin).toList(), result.page(),
                result.size(), result.total());
    }

    /** SPEC §2: the phone of a member who hides it is shown to administrators only. */
    private MemberView visible(MemberView member) {
        return access.isAdmin() ? member : member.forNonAdmin();
    }

    private MemberView find(String id) {
        MemberView member = readModel.ask(new FindMember(new MemberId(id), 0), MemberView.class);
        if (member == null) {
            throw ApiException.notFound("There is no member '" + id + "'.");
        }
        return member;
    }
}
