package com.memberdirectory.command.photo;

/** Where profile photos are kept (MongoDB GridFS in both storage modes). */
public interface PhotoStore {

    /** Stores the image and answers its id. */
    String store(byte[] content, String contentType);
}
