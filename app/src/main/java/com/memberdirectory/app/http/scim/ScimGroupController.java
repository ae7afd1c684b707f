package com.memberdirectory.app.http.scim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.memberdirectory.app.http.ReadModel;
import com.memberdirectory.app.scim.ScimAttributes;
import com.memberdirectory.app.scim.ScimDiscovery;
import com.memberdirectory.app.scim.ScimException;
import com.memberdirectory.app.scim.ScimFilter;
import com.memberdirectory.app.scim.ScimGroups;
import com.memberdirectory.app.scim.ScimSchemas;
import com.memberdirectory.app.security.AdminAccess;
import com.memberdirectory.kernel.access.Actor;
import com.memberdirectory.kernel.access.Viewer;
import com.memberdirectory.kernel.department.DepartmentId;
import com.memberdirectory.kernel.department.DepartmentList;
import com.memberdirectory.kernel.department.DepartmentView;
import com.memberdirectory.kernel.department.ListDepartments;
import com.memberdirectory.kernel.member.FindMember;
import com.memberdirectory.kernel.member.MemberChanges;
import com.memberdirectory.kernel.member.MemberFields;
import com.memberdirectory.kernel.member.MemberId;
import com.memberdirectory.kernel.member.MemberStatus;
import com.memberdirectory.kernel.member.MemberView;
import com.memberdirectory.kernel.member.MemberWritten;
import com.memberdirectory.kernel.member.UpdateMember;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Departments as SCIM Groups (docs/scim.md, "Groups"): listed and read with their members, and their members changed
 * by PATCH — each a change of that member's departments, through the same command as the console, with source SCIM.
 * Departments are neither created, renamed nor deleted here.
 */
@Tag(name = "SCIM 2.0")
@RestController
@RequestMapping("/scim/v2/Groups")
class ScimGroupController {

    private static final MediaType SCIM = MediaType.parseMediaType(ScimSchemas.MEDIA_TYPE);
    private static final ObjectMapper JSON = ScimRequests.JSON;

    private final CommandGateway commands;
    private final ReadModel readModel;
    private final AdminAccess access;

    ScimGroupController(CommandGateway commands, ReadModel readModel, AdminAccess access) {
        this.commands = commands;
        this.readModel = readModel;
        this.access = access;
    }

    @Operation(summary = "Departments as Groups (displayName: the path), with the members placed directly in them")
    @GetMapping
    ResponseEntity<JsonNode> list(@RequestParam(required = false) String filter,
                                  @RequestParam(required = false) String startIndex,
                                  @RequestParam(required = false) String count,
                                  @RequestParam(required = false) String attributes,
                                  @RequestParam(required = false) String excludedAttributes) {
        Viewer viewer = access.viewerOf(actor());
        ScimFilter.Node node = filter == null ? null : ScimFilter.parse(filter);
        int start = Math.max(1, ScimRequests.number(startIndex, "startIndex", 1));
        int wanted = Math.min(ScimDiscovery.MAX_RESULTS, Math.max(0, ScimRequests.number(count, "count", ScimDiscovery.MAX_RESULTS)));
        ScimAttributes projection = ScimAttributes.of(attributes, excludedAttributes);
        boolean withMembers = node != null || wantsMembers(attributes, excludedAttributes);
        Map<String, List<MemberView>> members = withMembers ? membersByDepartment(viewer) : Map.of();
        ScimRequests.ListPage page = new ScimRequests.ListPage(start, wanted);
        for (DepartmentView department : departments(viewer)) {
            ObjectNode group = render(department, withMembers ? members.getOrDefault(department.id(), List.of()) : null);
            if (node == null || node.matches(group)) {
                page.matched(() -> projection.apply(group));
            }
        }
        return ResponseEntity.ok().contentType(SCIM).body(page.response());
    }

    @Operation(summary = "One department as a Group, with its members")
    @GetMapping("/{id}")
    ResponseEntity<JsonNode> get(@PathVariable String id,
                                 @RequestParam(required = false) String attributes,
                                 @RequestParam(required = false) String excludedAttributes) {
        Viewer viewer = access.viewerOf(actor());
        ScimAttributes projection = ScimAttributes.of(attributes, excludedAttributes);
        DepartmentView department = find(id, viewer);
        boolean withMembers = wantsMembers(attributes, excludedAttributes);
        return ResponseEntity.ok().contentType(SCIM).body(projection.apply(render(department,
                withMembers ? membersByDepartment(viewer).getOrDefault(department.id(), List.of()) : null)));
    }

    @Operation(summary = "Add members to a department or take them out of it (PatchOp on members); each is a change of "
            + "that member's departments")
    @PatchMapping("/{id}")
    ResponseEntity<JsonNode> patch(@PathVariable String id, @RequestBody(required = false) byte[] body) {
        Actor actor = actor();
        Viewer viewer = access.viewerOf(actor);
        ScimGroups.MemberChanges changes = ScimGroups.read(ScimRequests.parse(body));
        DepartmentView department = find(id, viewer);
        Set<String> now = new LinkedHashSet<>();
        membersByDepartment(viewer).getOrDefault(department.id(), List.of()).forEach(member -> now.add(member.id()));
        Set<String> toAdd = new LinkedHashSet<>(changes.replace() != null ? changes.replace() : changes.added());
        toAdd.removeAll(now);
        Set<String> toRemove = new LinkedHashSet<>(changes.replace() != null ? minus(now, changes.replace())
                : changes.clearAll() ? now : changes.removed());
        toRemove.removeAll(toAdd);
        for (String memberId : toAdd) {
            MemberView member = member(memberId, viewer);
            List<String> departments = new ArrayList<>(member.departmentIds());
            if (!departments.contains(department.id())) {
                departments.add(department.id());
                move(member, departments, actor);
            }
        }
        for (String memberId : toRemove) {
            MemberView member = member(memberId, viewer);
            List<String> departments = new ArrayList<>(member.departmentIds());
            if (departments.remove(department.id())) {
                move(member, departments, actor);
            }
        }
        return ResponseEntity.ok().contentType(SCIM).body(render(department,
                membersByDepartment(viewer).getOrDefault(department.id(), List.of())));
    }

    private void move(MemberView member, List<String> departments, Actor actor) {
        MemberWritten written = ScimRequests.send(commands, new UpdateMember(new MemberId(member.id()), null,
                MemberChanges.builder().set(MemberFields.DEPARTMENTS, departments.stream().map(DepartmentId::new).toList())
                        .build(), actor));
        readModel.ask(new FindMember(written.memberId(), written.version()), MemberView.class);
    }

    private static Set<String> minus(Set<String> all, Set<String> kept) {
        Set<String> rest = new LinkedHashSet<>(all);
        rest.removeAll(kept);
        return rest;
    }

    /** A member the client manages; anyone else is no User for it. */
    private MemberView member(String id, Viewer viewer) {
        MemberView member = readModel.ask(new FindMember(new MemberId(id), 0), MemberView.class);
        if (member == null || member.status() == MemberStatus.OFFBOARDED || !viewer.seesAllOf(member.departmentIds())) {
            throw ScimException.invalidValue("There is no User '" + id + "'.");
        }
        return member;
    }

    private Actor actor() {
        return ScimRequests.actor(access);
    }

    /** The departments the client manages: all of them, or those of its grant and below. */
    private List<DepartmentView> departments(Viewer viewer) {
        return readModel.ask(new ListDepartments(), DepartmentList.class).items().stream()
                .filter(department -> viewer.seesAllOf(List.of(department.id()))).toList();
    }

    private DepartmentView find(String id, Viewer viewer) {
        return departments(viewer).stream().filter(department -> department.id().equals(id)).findFirst()
                .orElseThrow(() -> ScimException.notFound("There is no Group '" + id + "'."));
    }

    /** The members the client manages, by each department they are placed in (one read of the whole member list). */
    private Map<String, List<MemberView>> membersByDepartment(Viewer viewer) {
        Map<String, List<MemberView>> byDepartment = new HashMap<>();
        ScimRequests.forEachManagedMember(readModel, viewer, null, member -> member.departmentIds()
                .forEach(id -> byDepartment.computeIfAbsent(id, key -> new ArrayList<>()).add(member)));
        return byDepartment;
    }

    private static boolean wantsMembers(String attributes, String excludedAttributes) {
        if (excludedAttributes != null && names(excludedAttributes).contains("members")) {
            return false;
        }
        return attributes == null || attributes.isBlank() || names(attributes).contains("members");
    }

    private static Set<String> names(String list) {
        Set<String> names = new LinkedHashSet<>();
        for (String one : list.split(",")) {
            String name = one.strip().toLowerCase(Locale.ROOT);
            int colon = name.lastIndexOf(':');
            name = colon >= 0 ? name.substring(colon + 1) : name;
            names.add(name.contains(".") ? name.substring(0, name.indexOf('.')) : name);
        }
        return names;
    }

    private static ObjectNode render(DepartmentView department, List<MemberView> members) {
        return ScimGroups.toScim(department, members,
                ServletUriComponentsBuilder.fromCurrentContextPath().path("/scim/v2/Groups/{id}").buildAndExpand(department.id())
                        .toUriString(),
                id -> ServletUriComponentsBuilder.fromCurrentContextPath().path("/scim/v2/Users/{id}").buildAndExpand(id)
                        .toUriString());
    }
}
