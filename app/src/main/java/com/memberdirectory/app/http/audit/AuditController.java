package com.memberdirectory.app.http.audit;

import com.memberdirectory.app.config.DirectoryProperties;
import com.memberdirectory.app.http.ApiException;
import com.memberdirectory.app.http.ConcurrencyLimit;
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
import org.springframework.http.HttpStatusCode;
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

    private final ReadModel readModel;
    private final AdminAccess access;
    private final int maxExportRows;
    /** Each workbook being written holds a thread and a window of rows: only a few at once. */
    private final ConcurrencyLimit exports;

    AuditController(ReadModel readModel, AdminAccess access, DirectoryProperties properties) {
        this.readModel = readModel;
        this.access = access;
        this.maxExportRows = properties.reads().changeListExportMaxRows();
        this.exports = new ConcurrencyLimit("too_many_change_list_exports", "change-list workbooks",
                properties.reads().concurrentChangeListExports(), 10);
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

    @Operation(summary = "The same filtered change list as a workbook (at most 100,000 changes by default)")
    @GetMapping(value = "/export", produces = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    ResponseEntity<StreamingResponseBody> export(@RequestParam(required = false) Instant from,
                                                 @RequestParam(required = false) Instant to,
                                                 @RequestParam(required = false) String actor,
                                                 @RequestParam(required = false) String field,
                                                 @RequestParam(required = false) String memberId,
                                                 @RequestParam(required = false) String source,
                                                 @RequestParam(defaultValue = "asc") String order) {
        ConcurrencyLimit.Permit permit = exports.enter();
        try {
            // Checked and built before the answer starts; the pages are then read one at a time while the workbook
            // streams, so an export never holds all its changes. More changes than allowed are refused up front
            // rather than cut off unnoticed.
            AuditQuery first = query(from, to, actor, field, memberId, source, order, 0, MAX_PAGE);
            long total = readModel.ask(query(from, to, actor, field, memberId, source, order, 0, 1), AuditPage.class).total();
            if (total > maxExportRows) {
                throw new ApiException(HttpStatusCode.valueOf(422), "too_large", "These filters select " + total
                        + " changes; a change-list workbook holds at most " + maxExportRows
                        + ". Narrow the time range (from, to) or the other filters.", List.of());
            }
            Iterable<AuditEntry> entries = () -> new PagedEntries(first);
            String name = memberId == null ? "changes.xlsx" : "history-" + memberId + ".xlsx";
            return ResponseEntity.ok()
                    .header(HttpHeaders.CONTENT_DISPOSITION, Downloads.attachment(name))
                    .contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                    .body(out -> {
                        try (permit) {
                            ChangeListWriter.write(entries, out);
                        }
                    });
        } catch (RuntimeException refused) {
            permit.close();
            throw refused;
        }
    }

    /** The change list page after page, up to {@code maxExportRows} changes (more may have been added since the count). */
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
            while (!current.hasNext() && !last && read < maxExportRows) {
                AuditQuery next = new AuditQuery(first.from(), first.to(), first.actor(), first.field(), first.memberId(),
                        first.source(), first.memberIds(), first.newestFirst(), page++, first.size());
                List<AuditEntry> items = readModel.ask(next, AuditPage.class).items();
                last = items.size() < first.size();
                current = items.iterator();
            }
            return current.hasNext() && read < maxExportRows;
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
