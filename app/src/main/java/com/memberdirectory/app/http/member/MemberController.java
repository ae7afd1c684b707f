package com.memberdirectory.app.http.member;

import com.fasterxml.jackson.databind.JsonNode;
import com.memberdirectory.app.config.DirectoryProperties;
import com.memberdirectory.app.http.ApiException;
import com.memberdirectory.app.http.ConcurrencyLimit;
import com.memberdirectory.app.http.Paging;
import com.memberdirectory.app.http.ReadModel;
import com.memberdirectory.app.http.Versions;
import com.memberdirectory.app.photo.PhotoUploads;
import com.memberdirectory.app.security.AdminAccess;
import com.memberdirectory.kernel.access.MemberVisibility;
import com.memberdirectory.kernel.access.Reach;
import com.memberdirectory.kernel.access.Viewer;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.memberdirectory.kernel.member.ActivateMember;
import com.memberdirectory.kernel.member.ChooseLoginMethod;
import com.memberdirectory.kernel.member.CreateMember;
import com.memberdirectory.kernel.member.FindMemberAsOf;
import com.memberdirectory.kernel.member.FindPhoto;
import com.memberdirectory.kernel.member.Photo;
import com.memberdirectory.kernel.problem.FieldError;
import com.memberdirectory.command.member.PhotoRule;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import com.memberdirectory.kernel.member.FindMemberHistory;
import com.memberdirectory.kernel.member.LoginEmailType;
import com.memberdirectory.kernel.member.LoginMethodResult;
import com.memberdirectory.kernel.member.MemberHistory;
import com.memberdirectory.kernel.member.FindMember;
import com.memberdirectory.kernel.member.FindRecordedVersion;
import com.memberdirectory.kernel.member.ListMembers;
import com.memberdirectory.kernel.member.ListMembersAsOf;
import com.memberdirectory.kernel.member.MemberId;
import com.memberdirectory.kernel.member.MemberPage;
import com.memberdirectory.kernel.member.MemberStatus;
import com.memberdirectory.kernel.member.MemberView;
import com.memberdirectory.kernel.member.MemberWritten;
import com.memberdirectory.kernel.member.UpdateMember;
import com.memberdirectory.kernel.member.OffboardMember;
import com.memberdirectory.kernel.member.ResumeMember;
import com.memberdirectory.kernel.member.SuspendMember;
import io.swagger.v3.oas.annotations.Operation;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.List;

/** Members over HTTP: translates requests into commands and queries, nothing more. */
@RestController
@RequestMapping("/api/members")
class MemberController {

    static final int MAX_PAGE_SIZE = 500;

    private final CommandGateway commands;
    private final ReadModel readModel;
    private final AdminAccess access;
    private final PhotoUploads photos;
    /** A list as it was replays the whole event store: only a few at once. */
    private final ConcurrencyLimit asOfLists;

    MemberController(CommandGateway commands, ReadModel readModel, AdminAccess access, PhotoUploads photos,
                     DirectoryProperties properties) {
        this.commands = commands;
        this.readModel = readModel;
        this.access = access;
        this.photos = photos;
        this.asOfLists = new ConcurrencyLimit("too_many_as_of_reads", "member lists as they were",
                properties.reads().concurrentAsOf(), 10);
    }

    @Operation(summary = "Add a member (INACTIVE; a user ID is generated when none is given)")
    @PostMapping
    ResponseEntity<MemberView> create(@RequestBody CreateMemberRequest request) {
        MemberId id = MemberId.generate();
        commands.sendAndWait(new CreateMember(id, request.toChanges(), access.actor()));
        // a creation with a job title, an externalId or custom values records them by events after MemberCreated
        long version = readModel.ask(new FindRecordedVersion(id), Long.class);
        MemberView member = readModel.ask(new FindMember(id, version), MemberView.class);
        return ResponseEntity.created(URI.create("/api/members/" + id))
                .eTag(Versions.etag(member.version()))
                .body(member);
    }

    @Operation(summary = "One member, with its version as ETag; with asOf, the member as it was at that instant")
    @GetMapping("/{id}")
    ResponseEntity<MemberView> get(@PathVariable String id, @RequestParam(required = false) Instant asOf) {
        MemberView member = find(id);
        Viewer viewer = access.viewer();
        if (asOf != null) {
            requireHistory(viewer, member);
            MemberView then = readModel.ask(new FindMemberAsOf(new MemberId(id), asOf), MemberView.class);
            if (then == null) {
                throw ApiException.notFound("Member '" + id + "' did not exist at " + asOf + ".");
            }
            return ResponseEntity.ok().eTag(Versions.etag(then.version())).body(then);
        }
        return ResponseEntity.ok().eTag(Versions.etag(member.version())).body(MemberVisibility.view(member, viewer));
    }

    @Operation(summary = "Change some fields of a member (JSON merge patch; null clears)")
    @PatchMapping(value = "/{id}", consumes = {"application/merge-patch+json", "application/json"})
    ResponseEntity<MemberView> patch(@PathVariable String id,
                                     @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                     @RequestBody JsonNode body) {
        UpdateMember command = new UpdateMember(new MemberId(id), Versions.expected(ifMatch), MemberPatch.toChanges(body),
                access.actor());
        MemberWritten written = commands.sendAndWait(command);
        MemberView member = readModel.ask(new FindMember(written.memberId(), written.version()), MemberView.class);
        return ResponseEntity.ok().eTag(Versions.etag(member.version())).body(member);
    }

    /** Body of {@code PUT /api/members/{id}/login}. */
    record LoginRequest(LoginEmailType loginEmailType, String password, Boolean generatePassword) {

        @Override
        public String toString() {
            return "LoginRequest[loginEmailType=" + loginEmailType + ", password=***]";
        }
    }

    /** Answer of {@code PUT /api/members/{id}/login}: the generated password is shown this once. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record LoginResponse(MemberView member, String generatedPassword) {
    }

    @Operation(summary = "Choose how an inactive member signs in (BUSINESS_EMAIL needs a password: given or generated)")
    @PutMapping("/{id}/login")
    ResponseEntity<LoginResponse> chooseLogin(@PathVariable String id,
                                              @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                              @RequestBody LoginRequest request) {
        LoginMethodResult result = commands.sendAndWait(new ChooseLoginMethod(new MemberId(id), Versions.expected(ifMatch),
                request.loginEmailType(), request.password(), Boolean.TRUE.equals(request.generatePassword()),
                access.actor()));
        MemberView member = readModel.ask(new FindMember(result.memberId(), result.version()), MemberView.class);
        return ResponseEntity.ok().eTag(Versions.etag(member.version()))
                .body(new LoginResponse(member, result.generatedPassword()));
    }

    @Operation(summary = "Activate a member (stands in for the member's first sign-in)")
    @PostMapping("/{id}/activation")
    ResponseEntity<MemberView> activate(@PathVariable String id) {
        MemberWritten written = commands.sendAndWait(new ActivateMember(new MemberId(id), access.actor()));
        MemberView member = readModel.ask(new FindMember(written.memberId(), written.version()), MemberView.class);
        return ResponseEntity.ok().eTag(Versions.etag(member.version())).body(member);
    }

    @Operation(summary = "Suspend a member: they cannot sign in until resumed (status SUSPENDED; suspending again changes "
            + "nothing)", description = "docs/lifecycle.md. 422 member_offboarded for an offboarded member.")
    @PostMapping("/{id}/suspension")
    ResponseEntity<MemberView> suspend(@PathVariable String id,
                                       @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return answer(commands.sendAndWait(new SuspendMember(new MemberId(id), Versions.expected(ifMatch), access.actor())));
    }

    @Operation(summary = "Resume a suspended member: back to the status they had (INACTIVE or ACTIVE); resuming a member "
            + "who is not suspended changes nothing", description = "docs/lifecycle.md. 422 member_offboarded for an "
            + "offboarded member.")
    @DeleteMapping("/{id}/suspension")
    ResponseEntity<MemberView> resume(@PathVariable String id,
                                      @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return answer(commands.sendAndWait(new ResumeMember(new MemberId(id), Versions.expected(ifMatch), access.actor())));
    }

    @Operation(summary = "Offboard a member: they leave the directory (status OFFBOARDED), their unique values are free "
            + "again, their login is disabled, the members who reported to them lose them as manager; their history stays",
            description = "docs/lifecycle.md. Offboarding again changes nothing. Afterwards the member is found only by "
                    + "those who may read their history.")
    @PostMapping("/{id}/offboarding")
    ResponseEntity<MemberView> offboard(@PathVariable String id,
                                        @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return answer(commands.sendAndWait(new OffboardMember(new MemberId(id), Versions.expected(ifMatch), access.actor())));
    }

    /** The member as the write left it (read-your-writes), with its version as ETag. */
    private ResponseEntity<MemberView> answer(MemberWritten written) {
        MemberView member = readModel.ask(new FindMember(written.memberId(), written.version()), MemberView.class);
        return ResponseEntity.ok().eTag(Versions.etag(member.version())).body(member);
    }

    @Operation(summary = "Upload a profile photo (PNG or JPEG, at most 5 MiB)")
    @PutMapping(value = "/{id}/photo", consumes = {MediaType.IMAGE_PNG_VALUE, MediaType.IMAGE_JPEG_VALUE})
    ResponseEntity<Void> setPhoto(@PathVariable String id,
                                  @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                  @RequestHeader(HttpHeaders.CONTENT_TYPE) String contentType,
                                  @RequestHeader(value = HttpHeaders.CONTENT_LENGTH, required = false) Long length,
                                  HttpServletRequest request) throws IOException {
        if (length != null && length > PhotoRule.MAX_BYTES) {
            throw tooLarge();
        }
        byte[] content = request.getInputStream().readNBytes(PhotoRule.MAX_BYTES + 1);
        if (content.length > PhotoRule.MAX_BYTES) {
            throw tooLarge();
        }
        MemberWritten written = photos.upload(new MemberId(id), Versions.expected(ifMatch), content, contentType,
                access.actor());
        MemberView member = readModel.ask(new FindMember(written.memberId(), written.version()), MemberView.class);
        return ResponseEntity.noContent().eTag(Versions.etag(member.version())).build();
    }

    @Operation(summary = "The member's profile photo")
    @GetMapping("/{id}/photo")
    ResponseEntity<byte[]> photo(@PathVariable String id) {
        find(id);
        Photo photo = readModel.ask(new FindPhoto(new MemberId(id)), Photo.class);
        if (photo == null) {
            throw ApiException.notFound("Member '" + id + "' has no photo.");
        }
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(photo.contentType())).body(photo.content());
    }

    private static ApiException tooLarge() {
        return new ApiException(HttpStatusCode.valueOf(413), "payload_too_large", "A profile photo has at most 5 MiB.",
                List.of(new FieldError("photo", "A profile photo has at most 5 MiB.")));
    }

    @Operation(summary = "Every change of a member, oldest first, with before/after per field, actor and source")
    @GetMapping("/{id}/history")
    MemberHistory history(@PathVariable String id) {
        requireHistory(access.viewer(), find(id));
        return readModel.ask(new FindMemberHistory(new MemberId(id)), MemberHistory.class);
    }

    @Operation(summary = "A page of members, filtered by department (and its sub-departments), status and text")
    @GetMapping
    MemberPage list(@RequestParam(required = false) String departmentId,
                    @RequestParam(required = false) String q,
                    @RequestParam(required = false) MemberStatus status,
                    @RequestParam(required = false) Boolean withoutLoginPassword,
                    @RequestParam(required = false) Instant asOf,
                    @RequestParam(defaultValue = "0") int page,
                    @RequestParam(defaultValue = "50") int size) {
        Paging.check(page, size, MAX_PAGE_SIZE);
        if (asOf != null && (q != null || status != null || withoutLoginPassword != null)) {
            throw ApiException.badField("asOf", "With asOf, only departmentId, page and size can be used.");
        }
        if (status == MemberStatus.OFFBOARDED) {
            throw ApiException.badField("status", "Offboarded members have left the directory and are not listed; "
                    + "their changes are in the change list (/api/audit).");
        }
        Viewer viewer = access.viewer();
        if (asOf != null) {
            // The directory as it was is history: in full, for those who see everything of the members it lists.
            if (!viewer.isOrganizationWide() && (departmentId == null || !viewer.seesAllOf(List.of(departmentId)))) {
                throw ApiException.forbidden("The directory as it was is shown to administrators of the whole "
                        + "organization; an administrator of some departments asks for one of them (departmentId).");
            }
            try (ConcurrencyLimit.Permit permit = asOfLists.enter()) {
                return readModel.ask(new ListMembersAsOf(asOf, departmentId, page, size), MemberPage.class);
            }
        }
        if (Boolean.TRUE.equals(withoutLoginPassword) && viewer.reach() == Reach.NONE) {
            throw ApiException.forbidden("Login details are shown to administrators only.");
        }
        MemberPage result = readModel.ask(new ListMembers(departmentId, status, q, withoutLoginPassword, page, size, viewer),
                MemberPage.class);
        return new MemberPage(result.items().stream().map(member -> MemberVisibility.view(member, viewer)).toList(),
                result.page(), result.size(), result.total());
    }

    /** A member's history and past states may hold what is hidden now: only for those who see all of the member. */
    private static void requireHistory(Viewer viewer, MemberView member) {
        if (!MemberVisibility.mayReadHistory(viewer, member.departmentIds())) {
            throw ApiException.forbidden(viewer.reach() == Reach.NONE
                    ? "A member's history is shown to administrators only."
                    : "This member is outside the departments you administer: their history is not shown to you.");
        }
    }

    /** The member, unless there is none for this caller: an offboarded member is found only by those who may read their history. */
    private MemberView find(String id) {
        MemberView member = readModel.ask(new FindMember(new MemberId(id), 0), MemberView.class);
        if (member == null || !MemberVisibility.mayFind(access.viewer(), member)) {
            throw ApiException.notFound("There is no member '" + id + "'.");
        }
        return member;
    }
}
