package com.memberdirectory.app.photo;

import com.memberdirectory.command.member.MemberPolicies;
import com.memberdirectory.command.member.PhotoRule;
import com.memberdirectory.command.photo.PhotoDigest;
import com.memberdirectory.kernel.access.Actor;
import com.memberdirectory.kernel.member.MemberId;
import com.memberdirectory.kernel.member.MemberWritten;
import com.memberdirectory.kernel.member.SetProfilePhoto;
import com.memberdirectory.kernel.problem.DomainRuleViolation;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.stereotype.Service;

/**
 * A profile photo upload: checked and stored on the caller's thread, then the member decides. Commands are
 * handled by a single writer thread in group-committed batches; decoding an image or writing 5 MiB to GridFS
 * there held up every other admin's change.
 */
@Service
public class PhotoUploads {

    private final MemberPolicies rules;
    private final GridFsPhotoStore store;
    private final CommandGateway commands;

    PhotoUploads(MemberPolicies rules, GridFsPhotoStore store, CommandGateway commands) {
        this.rules = rules;
        this.store = store;
        this.commands = commands;
    }

    public MemberWritten upload(MemberId member, Long expectedVersion, byte[] content, String contentType, Actor actor) {
        rules.photo().check(content, contentType);
        String type = PhotoRule.mediaType(contentType);
        String sha256 = PhotoDigest.sha256(content);
        String photoId = store.store(member, content, type, sha256);
        MemberWritten written;
        try {
            written = commands.sendAndWait(new SetProfilePhoto(member, expectedVersion, photoId, type, content.length,
                    sha256, actor));
        } catch (DomainRuleViolation | AggregateNotFoundException refused) {
            store.delete(photoId);
            throw refused;
        }
        // Any other failure (a batch that failed to commit, a timeout) leaves it open whether the change was
        // recorded: the file stays marked unrecorded, and the sweep decides from the member's history.
        if (written.changed()) {
            store.recorded(photoId);
        } else {
            store.delete(photoId);
        }
        return written;
    }
}
