package com.memberdirectory.app.photo;

import com.memberdirectory.command.member.MemberPolicies;
import com.memberdirectory.command.member.PhotoRule;
import com.memberdirectory.command.photo.PhotoDigest;
import com.memberdirectory.kernel.access.Actor;
import com.memberdirectory.kernel.member.MemberId;
import com.memberdirectory.kernel.member.MemberWritten;
import com.memberdirectory.kernel.member.SetProfilePhoto;
import com.memberdirectory.kernel.problem.DomainRuleViolation;
import com.memberdirectory.query.files.FileStore;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.stereotype.Service;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A profile photo upload: checked and stored on the caller's thread, then the member decides. Commands are
 * handled by a single writer thread in group-committed batches; decoding an image or writing 5 MiB of file
 * there held up every other admin's change.
 * <p>
 * A photo is stored before the member's change that names it is sent, so a file can outlive a change that was
 * refused, recorded nothing or never happened (a crash in between). Each file is therefore stored pending, with
 * the member it was uploaded for as its owner, until that change is known to be recorded; {@link PhotoSweep}
 * removes the ones no change ever named.
 */
@Service
public class PhotoUploads {

    static final String KIND = "photo";

    private final MemberPolicies rules;
    private final FileStore store;
    private final CommandGateway commands;

    PhotoUploads(MemberPolicies rules, FileStore store, CommandGateway commands) {
        this.rules = rules;
        this.store = store;
        this.commands = commands;
    }

    public MemberWritten upload(MemberId member, Long expectedVersion, byte[] content, String contentType, Actor actor) {
        rules.photo().check(content, contentType);
        String type = PhotoRule.mediaType(contentType);
        String sha256 = PhotoDigest.sha256(content);
        String photoId = store(member, content, type);
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
            store.confirm(photoId);
        } else {
            store.delete(photoId);
        }
        return written;
    }

    /** Stores the image, durably (the member will point at it), and answers its id. */
    private String store(MemberId member, byte[] content, String type) {
        try {
            return store.store(new FileStore.NewFile("photo", type, KIND, member.value(), true), new ByteArrayInputStream(content));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
