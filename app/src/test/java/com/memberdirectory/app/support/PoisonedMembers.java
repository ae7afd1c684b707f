package com.memberdirectory.app.support;

import com.memberdirectory.kernel.member.MemberCreated;
import com.memberdirectory.query.support.ProcessingGroups;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Test-only handler of the member list's processor: fails on the creation of members whose name is listed here
 * (a bug in a projection, deterministic), and only of those. Top level, as component scanning skips classes nested
 * in test classes.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
@ProcessingGroup(ProcessingGroups.MEMBERS)
public class PoisonedMembers {

    public static final Set<String> NAMES = ConcurrentHashMap.newKeySet();

    @EventHandler
    void on(MemberCreated event) {
        if (NAMES.contains(event.name())) {
            throw new IllegalStateException("Poisoned for the test: " + event.name());
        }
    }
}
