package com.memberdirectory.eventstore;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The data folder is created when missing and held with an OS lock while it is open: a second holder is refused
 * (across processes the lock is simply not granted; within one JVM the JDK refuses an overlapping lock — both are an
 * {@link IllegalStateException}), and once the first lets go, the folder can be opened again at once.
 */
class DataFolderTest {

    @TempDir
    Path parent;

    @Test
    void a_missing_folder_is_created_and_names_resolve_inside_it() throws Exception {
        Path root = parent.resolve("a").resolve("..").resolve("data");
        try (DataFolder folder = new DataFolder(root)) {
            assertThat(folder.root()).isEqualTo(parent.resolve("data").toAbsolutePath().normalize()).isDirectory();
            assertThat(folder.resolve("events")).isEqualTo(folder.root().resolve("events"));
            assertThat(folder.root().resolve(".lock")).exists();
        }
    }

    @Test
    void a_folder_in_use_is_refused_and_free_again_once_closed() throws Exception {
        Path root = parent.resolve("data");
        DataFolder first = new DataFolder(root);
        try {
            assertThatThrownBy(() -> new DataFolder(root)).isInstanceOf(IllegalStateException.class);
        } finally {
            first.close();
        }
        try (DataFolder again = new DataFolder(root)) {
            assertThat(again.root()).isEqualTo(first.root());
        }
    }

    @Test
    void a_path_that_cannot_be_a_folder_is_refused_with_its_name() throws Exception {
        Path file = Files.writeString(parent.resolve("not-a-folder"), "x");
        assertThatThrownBy(() -> new DataFolder(file))
                .hasMessageContaining("Cannot use the data folder").hasMessageContaining(file.toString());
    }
}
