package com.memberdirectory.query.member;

import com.memberdirectory.kernel.member.MemberCreated;
import com.memberdirectory.kernel.member.MemberEvent;
import com.memberdirectory.query.search.IndexFreshness;
import com.memberdirectory.query.search.MemberSearchIndex;
import com.memberdirectory.query.search.SearchEntry;
import com.memberdirectory.query.search.SearchFields;
import com.memberdirectory.query.search.TrackedIndexRebuild;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps the member search index ({@link MemberSearchIndex}): the member events folded as the member list folds
 * them ({@link MemberFold}), keeping what lists filter, sort and search by. Idempotent like the member list: an
 * event the index's version of the member has seen is ignored.
 */
@Component
@ProcessingGroup(MemberSearchProjection.PROCESSING_GROUP)
class MemberSearchProjection {

    static final String PROCESSING_GROUP = "member-search";

    private final MemberSearchIndex index;

    MemberSearchProjection(MemberSearchIndex index) {
        this.index = index;
    }

    @EventHandler
    void on(MemberEvent event, @SequenceNumber long sequence, @Timestamp Instant stamp) {
        String id = event.memberId().value();
        SearchEntry known = index.entry(id);
        if (known != null && known.version() > sequence) {
            return;
        }
        MemberDocument member;
        if (event instanceof MemberCreated created) {
            member = MemberFold.created(created, sequence, stamp);
        } else if (known == null) {
            return;
        } else {
            member = documentOf(known);
            MemberFold.apply(member, event, sequence, stamp);
        }
        index.put(entryOf(member));
    }

    @ResetHandler
    void reset() {
        index.clear();
    }

    /**
     * The search index as a replay rebuilds it ({@code search}, docs/rebuilds.md): processor {@code member-search}
     * reset to the first event; meanwhile lists and searches read the member list ({@link IndexFreshness}: the
     * same answers, slower). Compared with the member list: a member's entry is what this projection makes of the
     * member's document ({@link MemberFold} folds both); a listed member must have one, an offboarded one may have none.
     */
    @Bean
    static TrackedIndexRebuild.RebuiltIndex<MemberDocument> searchIndexRebuild(MemberSearchIndex index) {
        return TrackedIndexRebuild.RebuiltIndex.mapped("search", PROCESSING_GROUP, index, MemberDocument.class,
                TrackedIndexRebuild.RebuiltIndex.eachOf(live -> {
                    SearchEntry entry = index.entry(live.id);
                    return entry == null ? null : new TrackedIndexRebuild.Entry(entry.version(), comparable(entry));
                }), live -> {
            SearchEntry entry = entryOf(live);
            return new TrackedIndexRebuild.Expected(new TrackedIndexRebuild.Entry(entry.version(), comparable(entry)),
                    entry.listed());
        });
    }

    private static org.bson.Document comparable(SearchEntry entry) {
        return new org.bson.Document("_id", entry.id()).append("version", entry.version()).append("name", entry.name())
                .append("status", entry.status()).append("departmentIds", entry.departmentIds())
                .append("hasLoginPassword", entry.hasLoginPassword()).append("hidePhone", entry.hidePhone())
                .append("texts", new org.bson.Document(entry.texts()));
    }

    static SearchEntry entryOf(MemberDocument member) {
        Map<String, String> texts = new HashMap<>();
        texts.put("name", member.name);
        texts.put("alias", member.alias);
        texts.put("businessEmail", member.businessEmail);
        texts.put("employeeId", member.employeeId);
        texts.put("userId", member.userId);
        texts.put("workEmail", member.workEmail);
        texts.put("loginEmail", member.loginEmail);
        texts.put(SearchFields.PHONE, member.phone);
        if (!texts.keySet().containsAll(SearchFields.ALL)) {
            throw new IllegalStateException("The search index has no value for some of " + SearchFields.ALL);
        }
        return new SearchEntry(member.id, member.version, member.name, member.status == null ? null : member.status.name(),
                member.departmentIds, member.hasLoginPassword, member.hidePhone, texts);
    }

    private static MemberDocument documentOf(SearchEntry entry) {
        MemberDocument d = new MemberDocument();
        d.id = entry.id();
        d.version = entry.version();
        d.name = entry.name();
        d.status = entry.status() == null ? null : com.memberdirectory.kernel.member.MemberStatus.valueOf(entry.status());
        d.departmentIds = List.copyOf(entry.departmentIds());
        d.hasLoginPassword = entry.hasLoginPassword();
        d.hidePhone = entry.hidePhone();
        d.alias = entry.text("alias");
        d.businessEmail = entry.text("businessEmail");
        d.employeeId = entry.text("employeeId");
        d.userId = entry.text("userId");
        d.workEmail = entry.text("workEmail");
        d.loginEmail = entry.text("loginEmail");
        d.phone = entry.text(SearchFields.PHONE);
        return d;
    }
}
