package com.memberdirectory.kernel.importing;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The importing admin downloads the password file: it may be read once. */
public record DestroyPasswordFile(@TargetAggregateIdentifier String importId, String admin) {
}
