package com.memberdirectory.app.http.export;

import com.memberdirectory.app.http.ApiException;
import com.memberdirectory.app.security.AdminAccess;
import com.memberdirectory.app.security.TokenClaims;
import com.memberdirectory.kernel.problem.FieldError;
import com.memberdirectory.query.export.ExportDocument;
import com.memberdirectory.query.export.MemberExports;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Member exports (docs/spreadsheets.md): need a sign-in within the last five minutes. */
@RestController
@RequestMapping("/api/exports")
class ExportController {

    static final Duration RECENT_SIGN_IN = Duration.ofMinutes(5);
    static final int MAX_SELECTED = 200_000;

    record ExportRequest(MemberExports.Selection selection, List<String> memberIds, String fileName) {
    }

    record ExportResponse(String id, String status, String fileName, Long rowCount, String message) {
        static ExportResponse of(ExportDocument export) {
            return new ExportResponse(export.id(), export.status(), export.fileName(),
                    "SUCCEEDED".equals(export.status()) ? export.rowCount() : null, export.message());
        }
    }

    private final MemberExports exports;
    private final AdminAccess access;

    ExportController(MemberExports exports, AdminAccess access) {
        this.exports = exports;
        this.access = access;
    }

    @Operation(summary = "Export members to a workbook (selected ones, or all without a login password)")
    @PostMapping
    ResponseEntity<ExportResponse> start(@RequestBody ExportRequest request) {
        access.requireAdmin();
        requireRecentSignIn();
        if (request.selection() == null) {
            throw ApiException.badField("selection", "Choose SELECTED or WITHOUT_LOGIN_PASSWORD.");
        }
        List<String> ids = request.memberIds() == null ? List.of() : request.memberIds();
        if (request.selection() == MemberExports.Selection.SELECTED && (ids.isEmpty() || ids.size() > MAX_SELECTED)) {
            throw ApiException.badField("memberIds", "Select 1 to " + MAX_SELECTED + " members.");
        }
        String fileName = fileName(request.fileName());
        ExportDocument export = exports.start(access.subject(), request.selection(), ids, access.writableDepartments(), fileName);
        return ResponseEntity.accepted().location(java.net.URI.create("/api/exports/" + export.id()))
                .body(ExportResponse.of(export));
    }

    @GetMapping("/{id}")
    ExportResponse get(@PathVariable String id) {
        return ExportResponse.of(own(id));
    }

    @GetMapping("/{id}/file")
    ResponseEntity<InputStreamResource> file(@PathVariable String id) throws IOException {
        ExportDocument export = own(id);
        if (exports.expired(export)) {
            throw new ApiException(HttpStatusCode.valueOf(410), "gone", "The export has expired; export again.", List.of());
        }
        if (!"SUCCEEDED".equals(export.status())) {
            throw new ApiException(HttpStatusCode.valueOf(409), "not_ready", "The export is " + export.status() + ".", List.of());
        }
        InputStream in = exports.open(export);
        if (in == null) {
            throw new ApiException(HttpStatusCode.valueOf(410), "gone", "The export file is gone; export again.", List.of());
        }
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, com.memberdirectory.app.http.Downloads.attachment(export.fileName()))
                .contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .body(new InputStreamResource(in));
    }

    private ExportDocument own(String id) {
        access.requireAdmin();
        ExportDocument export = exports.find(id, access.subject());
        if (export == null) {
            throw ApiException.notFound("There is no export '" + id + "' of yours.");
        }
        return export;
    }

    /**
     * Exports need {@code auth_time} within the last 5 minutes (docs/permissions.md, Tokens). A token claiming a
     * sign-in more than {@link TokenClaims#CLOCK_SKEW} ahead, or an auth_time that is no number, is refused earlier,
     * with 401, by the token validation (TokenClaims); the check here refuses such a sign-in too, in case.
     */
    private static void requireRecentSignIn() {
        Instant signedIn = SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken jwt
                ? TokenClaims.authTime(jwt.getToken()).orElse(null) : null;
        Instant now = Instant.now();
        if (signedIn == null || signedIn.isBefore(now.minus(RECENT_SIGN_IN)) || signedIn.isAfter(now.plus(TokenClaims.CLOCK_SKEW))) {
            throw new ApiException(HttpStatusCode.valueOf(403), "identity_verification_required",
                    "Exporting needs a sign-in within the last 5 minutes; sign in again and retry.", List.of());
        }
    }

    private static String fileName(String requested) {
        String name = requested == null || requested.isBlank() ? "members" : requested.strip();
        name = name.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_");
        if (name.length() > 120) {
            throw new ApiException(HttpStatusCode.valueOf(400), "malformed_request", "The file name is too long.",
                    List.of(new FieldError("fileName", "At most 120 characters.")));
        }
        return name.toLowerCase(java.util.Locale.ROOT).endsWith(".xlsx") ? name : name + ".xlsx";
    }
}
