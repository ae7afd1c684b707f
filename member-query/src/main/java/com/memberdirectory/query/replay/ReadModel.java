package com.memberdirectory.query.replay;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * What a rebuild needs to know of one read model, declared by its projection (the one place naming the
 * collections it owns): its name in {@code POST /api/admin/replays}, the live processing group to pause for the
 * switch, the document classes of the collections it owns, a fresh instance of its event handlers writing through
 * the given {@link Shadow} (never the live collections), and what to refresh once the rebuilt collections are live.
 *
 * <p>The handlers must be the projection's own (the same class the live processor runs), with no side effects
 * beyond their collections: a rebuild calls them for every stored event.
 */
public record ReadModel(String name, String processingGroup, List<Class<?>> documents,
                        Function<Shadow, Object> handlers, Runnable afterSwitch) {

    public ReadModel {
        Objects.requireNonNull(name);
        Objects.requireNonNull(processingGroup);
        documents = List.copyOf(documents);
        Objects.requireNonNull(handlers);
        afterSwitch = afterSwitch == null ? () -> { } : afterSwitch;
    }

    public ReadModel(String name, String processingGroup, List<Class<?>> documents, Function<Shadow, Object> handlers) {
        this(name, processingGroup, documents, handlers, null);
    }
}
