package com.memberdirectory.notification.delivery;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.memberdirectory.kernel.member.ContactEmailChanged;
import com.memberdirectory.kernel.member.LoginPasswordSet;
import com.memberdirectory.kernel.member.MemberId;
import com.memberdirectory.kernel.member.MemberResumed;
import com.memberdirectory.kernel.member.MemberSuspended;
import com.memberdirectory.kernel.member.PhoneNumberChanged;
import com.memberdirectory.kernel.metadata.MetadataKeys;
import com.memberdirectory.kernel.notification.NotificationCreated;
import com.memberdirectory.kernel.notification.NotificationDelivered;
import com.memberdirectory.kernel.notification.NotificationDeliveryFailed;
import com.memberdirectory.kernel.notification.NotificationFailed;
import com.memberdirectory.kernel.notification.NotificationKind;
import com.memberdirectory.notification.bot.BotGateway;
import com.memberdirectory.notification.bot.BotMessage;
import com.memberdirectory.notification.bot.DeliveryOutcome;
import com.memberdirectory.notification.password.PasswordOutbox;
import com.memberdirectory.notification.settings.SettingsHistory;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.SagaLifecycle;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;
import org.springframework.beans.factory.annotation.Autowired;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * One notification, from the member event that caused it to DELIVERED or FAILED.
 * <p>
 * Deciding: a phone or work-email change notifies the member when an administrator made it and the field was
 * selected in the settings in force at the instant of the change (read from the settings' own event stream, so
 * a replay decides the same); a login password set by an administrator always does, if its sealed password is
 * waiting in the {@link PasswordOutbox}; a suspension or resumption by an administrator always does (an offboarding
 * never). Anything else ends the saga before it is ever stored.
 * <p>
 * Delivering: never in the event processor's thread. Each attempt is a deadline, kept by a persistent deadline
 * manager, so pending attempts survive restarts and {@code kill -9}; a failed attempt schedules the next one
 * after a doubling delay until {@link RetryPolicy#maxAttempts()} attempts have failed.
 * <p>
 * The {@code notificationId} is a name-based UUID of the causing event's identifier: handling the same event
 * again yields the same notification, and the bot can drop duplicates of an attempt whose answer was lost.
 */
@Saga
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class ContactChangeNotificationSaga {

    static final String DELIVER = "deliver";
    static final String NOTIFICATION_ID = "notificationId";
    private static final String MEMBER_ID = "memberId";

    @Autowired
    private transient SettingsHistory settings;
    @Autowired
    private transient MemberUserIds userIds;
    @Autowired
    private transient PasswordOutbox passwords;
    @Autowired
    private transient BotGateway bot;
    @Autowired
    private transient RetryPolicy retryPolicy;
    @Autowired
    private transient DeadlineManager deadlines;
    @Autowired
    private transient EventBus eventBus;

    private String notificationId;
    private String memberId;
    private String userId;
    private NotificationKind kind;
    /** The message for contact changes (masked values only); a password message is put together at delivery. */
    private String text;
    private String changedBy;
    private Instant occurredAt;
    private int attempts;

    @StartSaga(forceNew = true)
    @SagaEventHandler(associationProperty = MEMBER_ID)
    void on(PhoneNumberChanged event, EventMessage<?> message) {
        begin(NotificationKind.PHONE_NUMBER_CHANGED, event.memberId(), message, origin ->
                NotificationTexts.phoneChanged(event.before(), event.after(), message.getTimestamp(), origin.describe()));
    }

    @StartSaga(forceNew = true)
    @SagaEventHandler(associationProperty = MEMBER_ID)
    void on(ContactEmailChanged event, EventMessage<?> message) {
        begin(NotificationKind.WORK_EMAIL_CHANGED, event.memberId(), message, origin ->
                NotificationTexts.workEmailChanged(event.before(), event.after(), message.getTimestamp(), origin.describe()));
    }

    @StartSaga(forceNew = true)
    @SagaEventHandler(associationProperty = MEMBER_ID)
    void on(LoginPasswordSet event, EventMessage<?> message) {
        begin(NotificationKind.LOGIN_PASSWORD_SET, event.memberId(), message, origin -> null);
    }

    /**
     * A suspension tells the member why they can no longer sign in, and who suspended them (docs/lifecycle.md); an
     * offboarding tells them nothing: they have left, and a bot message to a former member's account is not wanted.
     */
    @StartSaga(forceNew = true)
    @SagaEventHandler(associationProperty = MEMBER_ID)
    void on(MemberSuspended event, EventMessage<?> message) {
        begin(NotificationKind.MEMBER_SUSPENDED, event.memberId(), message, origin ->
                NotificationTexts.suspended(message.getTimestamp(), origin.describe()));
    }

    @StartSaga(forceNew = true)
    @SagaEventHandler(associationProperty = MEMBER_ID)
    void on(MemberResumed event, EventMessage<?> message) {
        begin(NotificationKind.MEMBER_RESUMED, event.memberId(), message, origin ->
                NotificationTexts.resumed(message.getTimestamp(), origin.describe()));
    }

    @DeadlineHandler(deadlineName = DELIVER)
    void deliver() {
        attempts++;
        Optional<String> messageText = kind == NotificationKind.LOGIN_PASSWORD_SET
                ? passwords.open(notificationId).map(password -> NotificationTexts.loginPassword(password, occurredAt, changedBy))
                : Optional.of(text);
        DeliveryOutcome outcome = messageText
                .map(words -> bot.deliver(new BotMessage(notificationId, memberId, userId, kind, words, occurredAt)))
                .orElseGet(() -> DeliveryOutcome.failed("The password is no longer available (sealed with another key?)"));
        if (outcome.delivered()) {
            publish(new NotificationDelivered(notificationId, attempts));
            finish();
        } else if (messageText.isEmpty() || retryPolicy.exhaustedAfter(attempts)) {
            publish(new NotificationFailed(notificationId, attempts, outcome.error()));
            finish();
        } else {
            Duration delay = retryPolicy.delayAfter(attempts);
            publish(new NotificationDeliveryFailed(notificationId, attempts, outcome.error(),
                    GenericEventMessage.clock.instant().plus(delay)));
            deadlines.schedule(delay, DELIVER);
        }
    }

    private interface TextOf {
        String apply(ChangeOrigin origin);
    }

    private void begin(NotificationKind notificationKind, MemberId member, EventMessage<?> message, TextOf textOf) {
        ChangeOrigin origin = new ChangeOrigin((String) message.getMetaData().get(MetadataKeys.ACTOR),
                (String) message.getMetaData().get(MetadataKeys.SOURCE));
        if (!origin.byAdministrator() || !settings.at(message.getTimestamp()).selects(notificationKind)) {
            SagaLifecycle.end();
            return;
        }
        long sequence = message instanceof DomainEventMessage<?> domain ? domain.getSequenceNumber() : Long.MAX_VALUE;
        Optional<String> memberUserId = userIds.userIdAt(member, sequence);
        String id = notificationIdOf(message.getIdentifier());
        if (memberUserId.isEmpty() || origin.byMember(memberUserId.get())
                || (notificationKind == NotificationKind.LOGIN_PASSWORD_SET && !passwords.claim(member, id))) {
            SagaLifecycle.end();
            return;
        }
        notificationId = id;
        memberId = member.value();
        userId = memberUserId.get();
        kind = notificationKind;
        occurredAt = message.getTimestamp();
        changedBy = origin.describe();
        text = textOf.apply(origin);
        SagaLifecycle.removeAssociationWith(MEMBER_ID, memberId);
        SagaLifecycle.associateWith(NOTIFICATION_ID, notificationId);
        publish(new NotificationCreated(notificationId, member, userId, kind, message.getIdentifier(), occurredAt));
        deadlines.schedule(Duration.ZERO, DELIVER);
    }

    private void finish() {
        if (kind == NotificationKind.LOGIN_PASSWORD_SET) {
            passwords.discard(notificationId);
        }
        SagaLifecycle.end();
    }

    private void publish(Object event) {
        eventBus.publish(GenericEventMessage.asEventMessage(event));
    }

    /** Stable for a given cause, so re-processing the same event never yields a second notification. */
    static String notificationIdOf(String causeEventId) {
        return UUID.nameUUIDFromBytes(("notification:" + causeEventId).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
