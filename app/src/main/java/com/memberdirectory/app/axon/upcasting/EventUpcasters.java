package com.memberdirectory.app.axon.upcasting;

import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.springframework.beans.factory.ObjectProvider;

/**
 * The upcasters of this package as one chain, in their {@code @Order}. An application that builds its own event
 * storage engine (both storage modes do) must hand it the chain itself: Axon's auto-configuration only wires
 * upcasters into the engine it builds, so without this, events stored at an older revision would be read as
 * they were written.
 */
public final class EventUpcasters {

    private EventUpcasters() {
    }

    public static EventUpcasterChain chain(ObjectProvider<EventUpcaster> upcasters) {
        return new EventUpcasterChain(upcasters.orderedStream().toList());
    }
}
