package com.memberdirectory.app.photo;

import com.memberdirectory.app.support.ApiTest;
import com.memberdirectory.command.photo.PhotoDigest;
import com.memberdirectory.query.files.FileStore;
import com.memberdirectory.query.files.FileStore.NewFile;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.imageio.ImageIO;
import javax.sql.DataSource;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The sweep of stored photos that no member's history names (a crash between storing and recording). */
class PhotoSweepTest extends ApiTest {

    @Autowired
    FileStore store;

    @Autowired
    PhotoSweep sweep;

    @Autowired
    DataSource dataSource;

    @Test
    void an_old_photo_no_change_named_is_removed_and_the_members_photo_is_kept() throws IOException {
        String id = member(department(unique("D"), null), Map.of()).get("id").asText();
        byte[] kept = png();
        assertThat(admin.putBytes("/api/members/" + id + "/photo", kept, "image/png").status()).isEqualTo(204);
        String keptId = fileOf(kept);
        // As if the process had stopped before marking the recorded photo, an hour and more ago.
        jdbc().update("UPDATE directory_files SET pending = TRUE WHERE id = ?", keptId);
        backdate(keptId);
        // As if it had stopped between storing a photo and sending the change.
        String orphanId = storePending(id, png());
        backdate(orphanId);
        String recentId = storePending(id, png());

        sweep.sweep(Instant.now().minus(PhotoSweep.GRACE));

        assertThat(store.open(orphanId)).isEmpty();
        assertThat(store.open(recentId)).as("an upload may still be on its way to the member").isPresent();
        assertThat(admin.get("/api/members/" + id + "/photo").raw()).isEqualTo(kept);
        assertThat(store.pendingBefore(PhotoUploads.KIND, Instant.now())).extracting(FileStore.PendingFile::id)
                .as("the member's photo is known to be recorded now").doesNotContain(keptId).contains(recentId);
        store.delete(recentId);
    }

    private String storePending(String memberId, byte[] image) throws IOException {
        return store.store(new NewFile("photo", "image/png", PhotoUploads.KIND, memberId, true), new ByteArrayInputStream(image));
    }

    private void backdate(String fileId) {
        jdbc().update("UPDATE directory_files SET created = ? WHERE id = ?",
                Timestamp.from(Instant.now().minus(PhotoSweep.GRACE).minusSeconds(60)), fileId);
    }

    private String fileOf(byte[] image) {
        return jdbc().queryForObject("SELECT id FROM directory_files WHERE sha256 = ?", String.class, PhotoDigest.sha256(image));
    }

    private JdbcTemplate jdbc() {
        return new JdbcTemplate(dataSource);
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
