package com.memberdirectory.kernel.importing;

import org.axonframework.serialization.Revision;

/** The import's password file was handed out and destroyed. */
@Revision("1")
public record PasswordFileDestroyed(String importId) implements ImportEvent {
}
