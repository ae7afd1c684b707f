package com.memberdirectory.notification.bot;

/** What the bot made of one attempt: accepted (2xx), or the reason it was not. */
public record DeliveryOutcome(boolean delivered, String error) {

    public static DeliveryOutcome accepted() {
        return new DeliveryOutcome(true, null);
    }

    public static DeliveryOutcome failed(String error) {
        return new DeliveryOutcome(false, error);
    }
}
