package com.memberdirectory.kernel.admin;

import org.axonframework.serialization.Revision;

/** A subject is no longer an administrator. */
@Revision("1")
public record AdminRevoked(String subject) implements AdminEvent {
}
