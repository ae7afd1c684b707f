package com.memberdirectory.app.photo;

import com.memberdirectory.app.support.ApiTest;
import com.memberdirectory.command.photo.PhotoDigest;
import com.memberdirectory.kernel.member.MemberId;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The sweep of stored photos that no member's history names (a crash between storing and recording). */
class PhotoSweepTest extends ApiTest {

    @Autowired
    GridFsPhotoStore store;

    @Autowired
    PhotoSweep sweep;

    @Autowired
    MongoTemplate mongo;

    @Test
    void an_old_photo_no_change_named_is_removed_and_the_members_photo_is_kept() throws IOException {
        String id = member(department(unique("D"), null), Map.of()).get("id").asText();
        byte[] kept = png();
        assertThat(admin.putBytes("/api/members/" + id + "/photo", kept, "image/png").status()).isEqualTo(204);
        String keptId = fileOf(kept);
        // As if the process had stopped before marking the recorded photo, an hour and more ago.
        mongo.updateFirst(byId(keptId), new Update().set(GridFsPhotoStore.UNRECORDED, true), GridFsPhotoStore.FILES);
        backdate(keptId);
        // As if it had stopped between storing a photo and sending the change.
        byte[] orphan = png();
        String orphanId = store.store(new MemberId(id), orphan, "image/png", PhotoDigest.sha256(orphan));
        backdate(orphanId);
        byte[] recent = png();
        String recentId = store.store(new MemberId(id), recent, "image/png", PhotoDigest.sha256(recent));

        sweep.sweep(Instant.now().minus(PhotoSweep.GRACE));

        assertThat(exists(orphanId)).isFalse();
        assertThat(exists(recentId)).as("an upload may still be on its way to the member").isTrue();
        assertThat(admin.get("/api/members/" + id + "/photo").raw()).isEqualTo(kept);
        assertThat(store.unrecordedBefore(Instant.now())).extracting(GridFsPhotoStore.UnrecordedPhoto::id)
                .as("the member's photo is known to be recorded now").doesNotContain(keptId).contains(recentId);
        store.delete(recentId);
    }

    private void backdate(String fileId) {
        mongo.updateFirst(byId(fileId), new Update().set("uploadDate", Date.from(Instant.now().minus(PhotoSweep.GRACE)
                .minusSeconds(60))), GridFsPhotoStore.FILES);
    }

    private boolean exists(String fileId) {
        return mongo.exists(byId(fileId), GridFsPhotoStore.FILES);
    }

    private String fileOf(byte[] image) {
        return mongo.findOne(Query.query(Criteria.where("metadata.sha256").is(PhotoDigest.sha256(image))),
                org.bson.Document.class, GridFsPhotoStore.FILES).getObjectId("_id").toHexString();
    }

    private static Query byId(String fileId) {
        return Query.query(Criteria.where("_id").is(new ObjectId(fileId)));
    }

    private static byte[] png() throws IOException {
        BufferedImage image = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, new Random().nextInt());
        image.setRGB(1, 0, new Random().nextInt());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
