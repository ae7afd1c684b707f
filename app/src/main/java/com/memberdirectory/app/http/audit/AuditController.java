package com.memberdirectory.app.http.audit;

import com.memberdirectory.app.http.ApiException;
import com.memberdirectory.app.http.Downloads;
import com.memberdirectory.app.http.Paging;
import com.memberdirectory.app.http.ReadModel;
import com.memberdirectory.app.security.AdminAccess;
import com.memberdirectory.kernel.access.Viewer;
import com.memberdirectory.kernel.audit.AuditEntry;
import com.memberdirectory.kernel.audit.AuditPage;
import com.memberdirectory.kernel.audit.AuditQuery;
import com.memberdirectory.kernel.member.MemberIds;
import com.memberdirectory.kernel.member.MembersInDepartments;
import com.memberdirectory.query.audit.ChangeListWriter;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.time.Instant;
import java.util.Collections;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.List;
import java.util.Set;

/** The directory-wide change list for auditors (docs/auditing.md), filtered and paged, or as a workbook. */
@RestController
@RequestMapping("/api/audit")
class AuditController {

    static final int MAX_PAGE = 500;
    static final int MAX_EXPORT_ROWS = 100_000;

    private final ReadModel readModel;
    private final AdminAccess access;

    AuditController(ReadModel readModel, AdminAccess access) {
        this.readModel = readModel;
        this.access = access;
    }

    @Operation(summary = "Changes filtered by time range, actor, field, member and source (e.g. IMPORT:<id>), paged")
    @GetMapping
    AuditPage list(@RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to,
                   @RequestParam(required = false) String actor, @RequestParam(required = false) String field,
                   @RequestParam(required = false) String memberId, @RequestParam(required = false) String source,
                   @RequestParam(defaultValue = "desc") String order,
                   @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        Paging.check(page, size, MAX_PAGE);
        return readModel.ask(query(from, to, actor, field, memberId, source, order, page, size), AuditPage.class);
    }

    @Operation(summary = "The same filtered change list as a workbook (at most 100,000 changes)")
    @GetMapping(value = "/export", produces = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    ResponseEntity<StreamingResponseBody> export(@RequestParam(required = false) Instant from,
                                                 @RequestParam(required = false) Instant to,
                                                 @RequestParam(required = false) String actor,
                                                 @RequestParam(required = false) String field,
                                                 @RequestParam(required = false) String memberId,
                                                 @RequestParam(required = false) String source,
                                                 @RequestParam(defaultValue = "asc") String order) {
        // Checked and built before the answer starts; the pages are then read one at a time while the workbook
        // streams, so an export of 100,000 changes never holds them all.
        AuditQuery first = query(from, to, actor, field, memberId, source, order, 0, MAX_PAGE);
        Iterable<AuditEntry> entries = () -> new PagedEntries(first);
        String name = memberId == null ? "changes.xlsx" : "history-" + memberId + ".xlsx";
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, Downloads.attachment(name))
                .contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .body(out -> ChangeListWriter.write(entries, out));
    }

    /** The change list page after page, up to {@link #MAX_EXPORT_ROWS} changes. */
    private final class PagedEntries implements Iterator<AuditEntry> {

        private final AuditQuery first;
        private int page;
        private int read;
        private Iterator<AuditEntry> current = Collections.emptyIterator();
        private boolean last;

        PagedEntries(AuditQuery first) {
            this.first = first;
        }

        @Override
        public boolean hasNext() {
            while (!current.hasNext() && !last && read < MAX_EXPORT_ROWS) {
                AuditQuery next = new AuditQuery(first.from(), first.to(), first.actor(), first.field(), first.memberId(),
                        first.source(), first.memberIds(), first.newestFirst(), page++, first.size());
                List<AuditEntry> items = readModel.ask(next, AuditPage.class).items();
                last = items.size() < first.size();
                current = items.iterator();
            }
            return current.hasNext() && read < MAX_EXPORT_ROWS;
        }

        @Override
        public AuditEntry next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            read++;
            return current.next();
        }
    }

    private AuditQuery query(Instant from, Instant to, String actor, String field, String memberId, String source,
                             String order, int page, int size) {
        if (!order.equals("asc") && !order.equals("desc")) {
            throw ApiException.badField("order", "'order' is asc or desc.");
        }
        // The change list is history (MemberVisibility): whole for org-wide admins, their members' for the others.
        Viewer viewer = access.adminViewer();
        Set<String> members = viewer.isOrganizationWide() ? null
                : readModel.ask(new MembersInDepartments(viewer.departmentIds()), MemberIds.class).ids();
        return new AuditQuery(from, to, blank(actor), blank(field), blank(memberId), blank(source), members,
                order.equals("desc"), page, size);
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
