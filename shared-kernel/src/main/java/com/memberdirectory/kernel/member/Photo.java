package com.memberdirectory.kernel.member;

/** An image file: its bytes and media type. */
public record Photo(byte[] content, String contentType) {
}
