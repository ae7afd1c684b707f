package com.memberdirectory.app.http.scim;

import com.memberdirectory.app.scim.ScimAttributes;
import com.memberdirectory.app.scim.ScimCustomFields;
import com.memberdirectory.app.scim.ScimDiscovery;
import com.memberdirectory.app.scim.ScimException;
import com.memberdirectory.app.scim.ScimFilter;
import com.memberdirectory.app.scim.ScimPatch;
import com.memberdirectory.app.scim.ScimSchemas;
import com.memberdirectory.app.scim.ScimUserMapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.memberdirectory.app.http.ReadModel;
import com.memberdirectory.app.http.Versions;
import com.memberdirectory.app.security.AdminAccess;
import com.memberdirectory.kernel.access.Actor;
import com.memberdirectory.kernel.access.MemberVisibility;
import com.memberdirectory.kernel.access.Viewer;
import com.memberdirectory.kernel.department.DepartmentList;
import com.memberdirectory.kernel.department.ListDepartments;
import com.memberdirectory.kernel.member.CreateMember;
import com.memberdirectory.kernel.member.FindMember;
import com.memberdirectory.kernel.member.FindRecordedVersion;
import com.memberdirectory.kernel.member.MemberChanges;
import com.memberdirectory.kernel.member.MemberId;
import com.memberdirectory.kernel.member.MemberStatus;
import com.memberdirectory.kernel.member.MemberView;
import com.memberdirectory.kernel.member.MemberWritten;
import com.memberdirectory.kernel.member.OffboardMember;
import com.memberdirectory.kernel.member.ResumeMember;
import com.memberdirectory.kernel.member.SuspendMember;
import com.memberdirectory.kernel.member.UpdateMember;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
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
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.net.URI;
import java.util.List;

/**
 * SCIM 2.0 Users (RFC 7644) for an identity provider's provisioning client (docs/scim.md): translates SCIM into the
 * same member commands and queries as the console, with source {@code SCIM} and the client as actor.
 */
@Tag(name = "SCIM 2.0", description = "Provisioning by an identity provider (docs/scim.md); needs the PROVISIONING permission")
@RestController
@RequestMapping("/scim/v2/Users")
class ScimUserController {

    static final int MAX_RESULTS = ScimDiscovery.MAX_RESULTS;
    private static final MediaType SCIM = MediaType.parseMediaType(ScimSchemas.MEDIA_TYPE);
    private static final ObjectMapper JSON = ScimRequests.JSON;

    private final CommandGateway commands;
    private final ReadModel readModel;
    private final AdminAccess access;

    ScimUserController(CommandGateway commands, ReadModel readModel, AdminAccess access) {
        this.commands = commands;
        this.readModel = readModel;
        this.access = access;
    }

    @Operation(summary = "Provision a User: creates a member (201, Location, ETag)")
    @PostMapping
    ResponseEntity<JsonNode> create(@RequestBody(required = false) byte[] body) {
        Actor actor = actor();
        ScimUserMapping.ScimUser user = ScimUserMapping.read(ScimRequests.parse(body), customFields());
        ScimUserMapping.Departments departments = departments();
        List<String> defaults = actor.departmentIds().size() == 1 ? List.copyOf(actor.departmentIds()) : List.of();
        MemberChanges changes = ScimUserMapping.toCreate(user, departments, defaults);
        MemberId id = MemberId.generate();
        send(new CreateMember(id, changes, actor));
        // The version after the creation: fields such as the job title and the externalId are recorded by events of
        // their own after MemberCreated, so the write side answers it — the suspension asked for, or what it recorded.
        long version = Boolean.FALSE.equals(user.active()) ? this.<MemberWritten>send(new SuspendMember(id, null, actor)).version()
                : readModel.ask(new FindRecordedVersion(id), Long.class);
        MemberView member = readModel.ask(new FindMember(id, version), MemberView.class);
        ObjectNode answer = render(member, access.viewerOf(actor), departments);
        return ResponseEntity.created(URI.create(location(member.id()))).contentType(SCIM)
                .eTag(ScimUserMapping.etag(member.version())).body(answer);
    }

    @Operation(summary = "One User")
    @GetMapping("/{id}")
    ResponseEntity<JsonNode> get(@PathVariable String id,
                                 @RequestParam(required = false) String attributes,
                                 @RequestParam(required = false) String excludedAttributes) {
        Actor actor = actor();
        Viewer viewer = access.viewerOf(actor);
        ScimAttributes projection = ScimAttributes.of(attributes, excludedAttributes);
        MemberView member = find(id, viewer);
        return ResponseEntity.ok().contentType(SCIM).eTag(ScimUserMapping.etag(member.version()))
                .body(projection.apply(render(member, viewer, departments())));
    }

    @Operation(summary = "Users, filtered (filter), paged (startIndex from 1, count) and projected (attributes, excludedAttributes)")
    @GetMapping
    ResponseEntity<JsonNode> list(@RequestParam(required = false) String filter,
                                  @RequestParam(required = false) String startIndex,
                                  @RequestParam(required = false) String count,
                                  @RequestParam(required = false) String attributes,
                                  @RequestParam(required = false) String excludedAttributes,
                                  @RequestParam(required = false) String sortBy) {
        Actor actor = actor();
        Viewer viewer = access.viewerOf(actor);
        if (sortBy != null) {
            throw new ScimException(400, "invalidValue", "Sorting is not supported (ServiceProviderConfig: sort.supported "
                    + "false); Users come ordered by name, then id.");
        }
        ScimFilter.Node node = filter == null ? null : customFields().checked(ScimFilter.parse(filter));
        int start = Math.max(1, ScimRequests.number(startIndex, "startIndex", 1));
        int wanted = Math.min(MAX_RESULTS, Math.max(0, ScimRequests.number(count, "count", MAX_RESULTS)));
        ScimAttributes projection = ScimAttributes.of(attributes, excludedAttributes);
        ScimUserMapping.Departments departments = departments();

        String userName = node == null ? null : ScimFilter.userNameEquals(node);
        ScimRequests.ListPage page = new ScimRequests.ListPage(start, wanted);
        boolean searchable = userName == null || (!userName.isBlank() && userName.length() <= 64
                && userName.chars().noneMatch(Character::isISOControl));
        if (searchable) {
            // userName eq: the search index narrows the list to members whose fields contain the value; the filter
            // then keeps the exact matches. Any other filter reads every member the client may see.
            ScimRequests.forEachManagedMember(readModel, viewer, userName, member -> {
                ObjectNode user = render(member, viewer, departments);
                if (node == null || node.matches(user)) {
                    page.matched(() -> projection.apply(user));
                }
            });
        }
        return ResponseEntity.ok().contentType(SCIM).body(page.response());
    }

    @Operation(summary = "Replace a User (If-Match: its ETag)")
    @PutMapping("/{id}")
    ResponseEntity<JsonNode> replace(@PathVariable String id,
                                     @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                     @RequestBody(required = false) byte[] body) {
        Actor actor = actor();
        Viewer viewer = access.viewerOf(actor);
        Long expected = Versions.expected(ifMatch);
        JsonNode replacement = ScimRequests.parse(body);
        MemberView current = find(id, viewer);
        return write(current, ScimUserMapping.read(replacement, customFields()), expected, actor, viewer, departments());
    }

    @Operation(summary = "Change a User with a PatchOp (add, replace, remove; If-Match: its ETag)")
    @PatchMapping("/{id}")
    ResponseEntity<JsonNode> patch(@PathVariable String id,
                                   @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                   @RequestBody(required = false) byte[] body) {
        Actor actor = actor();
        Viewer viewer = access.viewerOf(actor);
        Long expected = Versions.expected(ifMatch);
        JsonNode operations = ScimRequests.parse(body);
        MemberView current = find(id, viewer);
        ScimUserMapping.Departments departments = departments();
        ScimCustomFields customFields = customFields();
        ObjectNode patched = ScimPatch.apply(render(current, viewer, departments), operations, customFields);
        return write(current, ScimUserMapping.read(patched, customFields), expected, actor, viewer, departments);
    }

    @Operation(summary = "Deprovision a User: offboards the member (204); afterwards the User is not found")
    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable String id,
                                @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        Actor actor = actor();
        Long expected = Versions.expected(ifMatch);
        MemberView member = find(id, access.viewerOf(actor));
        MemberWritten written = send(new OffboardMember(new MemberId(member.id()), expected, actor));
        readModel.ask(new FindMember(written.memberId(), written.version()), MemberView.class);
        return ResponseEntity.noContent().build();
    }

    /** One change of the record (UpdateMember), then, if asked, one of its status (SuspendMember or ResumeMember). */
    private ResponseEntity<JsonNode> write(MemberView current, ScimUserMapping.ScimUser user, Long expected, Actor actor,
                                           Viewer viewer, ScimUserMapping.Departments departments) {
        MemberChanges changes = ScimUserMapping.toReplace(user, current, departments);
        MemberId id = new MemberId(current.id());
        MemberWritten written = send(new UpdateMember(id, expected, changes, actor));
        long version = written.version();
        boolean suspended = current.status() == MemberStatus.SUSPENDED;
        if (user.active() != null && user.active() == suspended) {
            // Guarded by the version just written: a change in between is a conflict, not overwritten.
            MemberWritten status = send(user.active() ? new ResumeMember(id, version, actor) : new SuspendMember(id, version, actor));
            version = status.version();
        }
        MemberView member = readModel.ask(new FindMember(id, version), MemberView.class);
        return ResponseEntity.ok().contentType(SCIM).eTag(ScimUserMapping.etag(member.version()))
                .body(render(member, viewer, departments));
    }

    private <R> R send(Object command) {
        return ScimRequests.send(commands, command);
    }

    private Actor actor() {
        return ScimRequests.actor(access);
    }

    /**
     * The member, if this client may see all of them: members outside a scoped client's departments, offboarded
     * members and unknown ids are all "no such User" (404), so a client learns nothing about members it does not manage.
     */
    private MemberView find(String id, Viewer viewer) {
        MemberView member = readModel.ask(new FindMember(new MemberId(id), 0), MemberView.class);
        if (member == null || member.status() == MemberStatus.OFFBOARDED || !viewer.seesAllOf(member.departmentIds())) {
            throw ScimException.notFound("There is no User '" + id + "'.");
        }
        return member;
    }

    private ObjectNode render(MemberView member, Viewer viewer, ScimUserMapping.Departments departments) {
        return ScimUserMapping.toScim(MemberVisibility.view(member, viewer), departments, location(member.id()));
    }

    private ScimUserMapping.Departments departments() {
        return new ScimUserMapping.Departments(readModel.ask(new ListDepartments(), DepartmentList.class).items());
    }

    private ScimCustomFields customFields() {
        return ScimRequests.customFields(readModel);
    }

    private static String location(String id) {
        return ServletUriComponentsBuilder.fromCurrentContextPath().path("/scim/v2/Users/{id}").buildAndExpand(id).toUriString();
    }
}
