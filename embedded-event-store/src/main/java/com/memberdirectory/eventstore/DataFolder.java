package com.memberdirectory.eventstore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The embedded default's folder, held with an operating-system file lock for as long as the service runs.
 * The lock dies with the process (also on {@code kill -9}), so a restart never waits for a stale lock file,
 * and a second instance on the same folder is refused instead of corrupting it.
 */
public final class DataFolder implements AutoCloseable {

    private final Path root;
    private final FileChannel lockChannel;
    private final FileLock lock;

    public DataFolder(Path root) {
        this.root = root.toAbsolutePath().normalize();
        try {
            Files.createDirectories(this.root);
            lockChannel = FileChannel.open(this.root.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            lock = lockChannel.tryLock();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot use the data folder " + this.root, e);
        }
        if (lock == null) {
            throw new IllegalStateException("The data folder " + this.root + " is in use by another running instance");
        }
    }

    public Path root() {
        return root;
    }

    public Path resolve(String name) {
        return root.resolve(name);
    }

    @Override
    public void close() throws IOException {
        lock.release();
        lockChannel.close();
    }
}
