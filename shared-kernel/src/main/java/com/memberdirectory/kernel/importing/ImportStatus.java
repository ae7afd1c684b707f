package com.memberdirectory.kernel.importing;

public enum ImportStatus {
    QUEUED,
    RUNNING,
    SUCCEEDED,
    PARTIALLY_FAILED,
    FAILED
}
