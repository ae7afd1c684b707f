package com.memberdirectory.app.importing;

import com.memberdirectory.command.importing.CustomColumn;
import com.memberdirectory.command.importing.ImportCatalog;
import com.memberdirectory.kernel.member.FindMember;
import com.memberdirectory.kernel.member.MemberId;
import com.memberdirectory.kernel.member.MemberView;
import com.memberdirectory.query.field.FieldLabels;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** The custom fields an import recognises, from the field list; members' user IDs, from the member list. */
public class FieldCatalogForImports implements ImportCatalog {

    private final FieldLabels fields;
    private final QueryGateway queries;

    public FieldCatalogForImports(FieldLabels fields, QueryGateway queries) {
        this.fields = fields;
        this.queries = queries;
    }

    @Override
    public List<CustomColumn> customColumns() {
        return fields.valueFields().stream().filter(f -> !f.builtIn())
                .map(f -> new CustomColumn(f.label(), f.key(), f.type())).toList();
    }

    @Override
    public Optional<String> userIdOf(String memberId) {
        try {
            MemberView member = queries.query(new FindMember(new MemberId(memberId), 0),
                    ResponseTypes.instanceOf(MemberView.class)).get(5, TimeUnit.SECONDS);
            return Optional.ofNullable(member).map(MemberView::userId);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (ExecutionException | TimeoutException e) {
            return Optional.empty();
        }
    }
}
