package com.memberdirectory.notification.bot;

/** Hands one message to the notification bot. */
public interface BotGateway {

    /** One attempt; never throws for a bot that is down or slow, it answers a failed outcome instead. */
    DeliveryOutcome deliver(BotMessage message);
}
