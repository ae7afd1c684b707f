package com.memberdirectory.query.export;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.util.List;

/**
 * What an export was asked for, kept while it runs (collection {@code export_requests}, same id as the export) so
 * that an export interrupted by a restart can run again. Apart from {@link ExportDocument}, which is read at every
 * poll, because the selected member ids may be many.
 */
@Document("export_requests")
class ExportRequestDocument {

    @Id
    String id;
    MemberExports.Selection selection;
    List<String> memberIds;
    List<String> departmentScope;
}
