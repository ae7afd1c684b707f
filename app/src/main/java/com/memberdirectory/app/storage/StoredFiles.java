package com.memberdirectory.app.storage;

/**
 * Makes files just written to GridFS durable before something that refers to them is acknowledged (an
 * uploaded workbook before its import is queued, a photo before the member points at it). The embedded
 * read-model store writes to its file within a second in the background, so a {@code kill -9} right after
 * an upload could otherwise lose the file while the event that names it survives. MongoDB mode writes with
 * majority write concern and needs nothing more.
 */
@FunctionalInterface
public interface StoredFiles {

    void makeDurable();
}
