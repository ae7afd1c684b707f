package com.memberdirectory.app.http.importing;

import com.memberdirectory.app.config.DirectoryProperties;
import com.memberdirectory.app.http.ProblemWriter;
import com.memberdirectory.app.http.ReadModel;
import com.memberdirectory.app.security.AdminAccess;
import com.memberdirectory.kernel.importing.CountUnfinishedImports;
import com.memberdirectory.kernel.importing.UnfinishedImports;
import com.memberdirectory.query.importing.ImportAdmission;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Admits an import upload ({@link ImportAdmission}) before its body is read: runs after the security filters (so
 * only a caller allowed to upload is counted) and before the multipart body is parsed and stored. A refused upload
 * gets 429 {@code too_many_imports} with {@code Retry-After}; the upload stays counted until the controller has
 * queued it (or refused it).
 */
@Component
class ImportAdmissionFilter extends OncePerRequestFilter {

    private final ImportAdmission admission;
    private final AdminAccess access;
    private final ProblemWriter problems;

    ImportAdmissionFilter(DirectoryProperties properties, ReadModel readModel, AdminAccess access, ProblemWriter problems) {
        DirectoryProperties.Imports limits = properties.imports();
        this.admission = new ImportAdmission(limits.maxUnfinishedPerAdmin(), limits.maxUnfinished(),
                admin -> readModel.ask(new CountUnfinishedImports(admin), UnfinishedImports.class));
        this.access = access;
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !(HttpMethod.POST.matches(request.getMethod()) && "/api/imports".equals(request.getRequestURI()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ImportAdmission.Upload upload;
        try {
            upload = admission.admit(access.subject());
        } catch (ImportAdmission.ImportsBusy busy) {
            response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(busy.retryAfterSeconds()));
            problems.write(response, HttpStatus.TOO_MANY_REQUESTS, "too_many_imports", busy.getMessage());
            return;
        }
        try (upload) {
            chain.doFilter(request, response);
        }
    }
}
