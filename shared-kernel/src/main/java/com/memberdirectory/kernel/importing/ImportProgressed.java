package com.memberdirectory.kernel.importing;

import org.axonframework.serialization.Revision;

/** So many rows of the import have been handled. */
@Revision("1")
public record ImportProgressed(String importId, long processedRows) implements ImportEvent {
}
