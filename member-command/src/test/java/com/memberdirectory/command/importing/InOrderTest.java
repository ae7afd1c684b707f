package com.memberdirectory.command.importing;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class InOrderTest {

    private final List<String> handedOn = new CopyOnWriteArrayList<>();

    @Test
    void what_finishes_early_waits_for_everything_started_before_it() {
        InOrder<String> inOrder = new InOrder<>(10, handedOn::add);
        inOrder.start(1);
        inOrder.start(5);
        inOrder.start(7);

        inOrder.finish(7, "seven");
        inOrder.finish(5, "five");
        assertThat(handedOn).as("row 1 is still being worked on").isEmpty();

        inOrder.finish(1, "one");
        assertThat(handedOn).containsExactly("one", "five", "seven");
    }

    @Test
    void no_more_than_the_window_is_started_and_not_handed_on() throws Exception {
        InOrder<String> inOrder = new InOrder<>(2, handedOn::add);
        inOrder.start(1);
        inOrder.start(2);
        inOrder.finish(2, "two");
        CompletableFuture<Void> third = CompletableFuture.runAsync(() -> inOrder.start(3));

        assertThat(third).as("two was finished, but waits for one: no room yet")
                .failsWithin(200, TimeUnit.MILLISECONDS);
        inOrder.finish(1, "one");
        third.get(10, TimeUnit.SECONDS);
        assertThat(handedOn).containsExactly("one", "two");
    }
}
