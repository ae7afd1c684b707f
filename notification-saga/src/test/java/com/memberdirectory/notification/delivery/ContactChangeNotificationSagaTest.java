package com.memberdirectory.notification.delivery;

import com.memberdirectory.kernel.member.ContactEmailChanged;
import com.memberdirectory.kernel.member.LoginPasswordSet;
import com.memberdirectory.kernel.member.MemberId;
import com.memberdirectory.kernel.member.MemberOffboarded;
import com.memberdirectory.kernel.member.MemberResumed;
import com.memberdirectory.kernel.member.MemberStatus;
import com.memberdirectory.kernel.member.MemberSuspended;
import com.memberdirectory.kernel.member.PhoneNumberChanged;
import com.memberdirectory.kernel.metadata.MetadataKeys;
import com.memberdirectory.kernel.notification.ContactChangeNotificationSettings;
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
import org.axonframework.test.matchers.Matchers;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.axonframework.test.matchers.Matchers.andNoMore;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.payloadsMatching;

class ContactChangeNotificationSagaTest {

    private static final String MEMBER = "3f1c2d4e-0000-4000-8000-000000000001";
    private static final String USER_ID = "ann";
    private static final Map<String, String> BY_ADMIN = Map.of(MetadataKeys.ACTOR, "admin", MetadataKeys.SOURCE, "API");
    private static final Duration INITIAL = Duration.ofSeconds(10);

    private final SagaTestFixture<ContactChangeNotificationSaga> fixture = new SagaTestFixture<>(ContactChangeNotificationSaga.class);
    private final StubSettings settings = new StubSettings();
    private final ScriptedBot bot = new ScriptedBot();
    private final MapOutbox outbox = new MapOutbox();

    @BeforeEach
    void resources() {
        fixture.registerResource(settings);
        fixture.registerResource((MemberUserIds) (member, sequence) -> Optional.of(USER_ID));
        fixture.registerResource(bot);
        fixture.registerResource(outbox);
        fixture.registerResource(new RetryPolicy(INITIAL, 4));
    }

    @Test
    void a_selected_field_changed_by_an_administrator_creates_a_notification_and_delivers_it_right_away() {
        settings.select(true, false);
        fixture.givenNoPriorActivity()
                .whenAggregate(MEMBER).publishes(phoneChange(), BY_ADMIN)
                .expectActiveSagas(1)
                .expectPublishedEventsMatching(only(NotificationCreated.class, created ->
                        created.kind() == NotificationKind.PHONE_NUMBER_CHANGED && created.userId().equals(USER_ID)
                                && created.memberId().value().equals(MEMBER)))
                .expectScheduledDeadlineWithName(Duration.ZERO, ContactChangeNotificationSaga.DELIVER);
        assertThat(bot.sent).isEmpty();
    }

    @Test
    void a_field_that_is_not_selected_notifies_nobody() {
        settings.select(false, true);
        fixture.givenNoPriorActivity()
                .whenAggregate(MEMBER).publishes(phoneChange(), BY_ADMIN)
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines()
                .expectPublishedEvents();
    }

    @Test
    void the_settings_in_force_at_the_instant_of_the_change_decide_not_the_current_ones() {
        Instant change = fixture.currentTime();
        settings.selectFrom(change.plusSeconds(1), true, true);
        fixture.givenNoPriorActivity()
                .whenAggregate(MEMBER).publishes(phoneChange(), BY_ADMIN)
                .expectActiveSagas(0)
                .expectPublishedEvents();
    }

    @Test
    void a_change_made_by_the_system_is_ignored() {
        settings.select(true, true);
        fixture.givenNoPriorActivity()
                .whenAggregate(MEMBER).publishes(phoneChange(),
                        Map.of(MetadataKeys.ACTOR, "system", MetadataKeys.SOURCE, MetadataKeys.SOURCE_SYSTEM))
                .expectActiveSagas(0)
                .expectPublishedEvents();
    }

    @Test
    void a_change_the_member_made_themself_is_ignored() {
        settings.select(true, true);
        fixture.givenNoPriorActivity()
                .whenAggregate(MEMBER).publishes(new ContactEmailChanged(new MemberId(MEMBER), "ann@example.com", "a@example.com"),
                        Map.of(MetadataKeys.ACTOR, USER_ID, MetadataKeys.SOURCE, MetadataKeys.SOURCE_API))
                .expectActiveSagas(0)
                .expectPublishedEvents();
    }

    @Test
    void an_import_by_an_administrator_notifies_and_names_the_import() {
        settings.select(false, true);
        fixture.givenNoPriorActivity()
                .whenAggregate(MEMBER).publishes(new ContactEmailChanged(new MemberId(MEMBER), "ann@example.com", "ann.lee@example.com"),
                        Map.of(MetadataKeys.ACTOR, "admin", MetadataKeys.SOURCE, "IMPORT:42"))
                .expectActiveSagas(1);
        bot.answer(DeliveryOutcome.accepted());
        fixture.whenTimeElapses(Duration.ZERO).expectActiveSagas(0);
        assertThat(bot.sent).singleElement().satisfies(message -> {
            assertThat(message.kind()).isEqualTo(NotificationKind.WORK_EMAIL_CHANGED);
            assertThat(message.text()).contains("admin (import 42)", "a***@example.com")
                    .doesNotContain("ann@example.com", "ann.lee@example.com");
        });
    }

    @Test
    void an_accepted_attempt_delivers_the_notification_and_ends_the_saga() {
        settings.select(true, false);
        bot.answer(DeliveryOutcome.accepted());
        fixture.givenNoPriorActivity()
                .whenAggregate(MEMBER).publishes(phoneChange(), BY_ADMIN);
        fixture.whenTimeElapses(Duration.ZERO)
                .expectActiveSagas(0)
                .expectPublishedEventsMatching(only(NotificationDelivered.class, delivered -> delivered.attempts() == 1))
                .expectNoScheduledDeadlines();
        assertThat(bot.sent).singleElement().satisfies(message -> {
            assertThat(message.userId()).isEqualTo(USER_ID);
            assertThat(message.memberId()).isEqualTo(MEMBER);
            assertThat(message.text()).contains("phone number", "admin", "+86 138****8000", "+86 139****9000");
        });
    }

    @Test
    void failed_attempts_are_retried_after_the_initial_delay_then_after_twice_the_previous_wait() {
        settings.select(true, false);
        bot.answer(DeliveryOutcome.failed("HTTP 503"), DeliveryOutcome.failed("HTTP 503"), DeliveryOutcome.failed("HTTP 503"));
        fixture.givenNoPriorActivity()
                .whenAggregate(MEMBER).publishes(phoneChange(), BY_ADMIN);
        fixture.whenTimeElapses(Duration.ZERO)
                .expectActiveSagas(1)
                .expectPublishedEventsMatching(only(NotificationDeliveryFailed.class,
                        failed -> failed.attempt() == 1 && failed.error().equals("HTTP 503")))
                .expectScheduledDeadlineWithName(INITIAL, ContactChangeNotificationSaga.DELIVER);
        fixture.whenTimeElapses(INITIAL)
                .expectPublishedEventsMatching(only(NotificationDeliveryFailed.class, failed -> failed.attempt() == 2))
                .expectScheduledDeadlineWithName(INITIAL.multipliedBy(2), ContactChangeNotificationSaga.DELIVER);
        fixture.whenTimeElapses(INITIAL.multipliedBy(2))
                .expectPublishedEventsMatching(only(NotificationDeliveryFailed.class, failed -> failed.attempt() == 3))
                .expectScheduledDeadlineWithName(INITIAL.multipliedBy(4), ContactChangeNotificationSaga.DELIVER);
        assertThat(bot.sent).hasSize(3).extracting(BotMessage::notificationId).containsOnly(bot.sent.get(0).notificationId());
    }

    @Test
    void after_the_last_allowed_attempt_fails_the_notification_is_failed_and_nothing_is_scheduled() {
        settings.select(true, false);
        bot.answer(DeliveryOutcome.failed("timeout"), DeliveryOutcome.failed("timeout"), DeliveryOutcome.failed("timeout"),
                DeliveryOutcome.failed("HTTP 500"));
        fixture.givenNoPriorActivity()
                .whenAggregate(MEMBER).publishes(phoneChange(), BY_ADMIN);
        fixture.whenTimeElapses(Duration.ZERO);
        fixture.whenTimeElapses(INITIAL);
        fixture.whenTimeElapses(INITIAL.multipliedBy(2));
        fixture.whenTimeElapses(INITIAL.multipliedBy(4))
                .expectActiveSagas(0)
                .expectPublishedEventsMatching(only(NotificationFailed.class,
                        failed -> failed.attempts() == 4 && failed.lastError().equals("HTTP 500")))
                .expectNoScheduledDeadlines();
        assertThat(bot.sent).hasSize(4);
    }

    @Test
    void a_login_password_set_by_an_administrator_reaches_the_bot_and_then_leaves_the_outbox() {
        outbox.put(new MemberId(MEMBER), "S3cret-pass!");
        bot.answer(DeliveryOutcome.accepted());
        fixture.givenNoPriorActivity()
                .whenAggregate(MEMBER).publishes(new LoginPasswordSet(new MemberId(MEMBER), true), BY_ADMIN)
                .expectActiveSagas(1)
                .expectPublishedEventsMatching(only(NotificationCreated.class,
                        created -> created.kind() == NotificationKind.LOGIN_PASSWORD_SET));
        assertThat(outbox.byMember).isEmpty();
        assertThat(outbox.byNotification).hasSize(1);
        fixture.whenTimeElapses(Duration.ZERO)
                .expectActiveSagas(0)
                .expectPublishedEventsMatching(only(NotificationDelivered.class, delivered -> delivered.attempts() == 1));
        assertThat(bot.sent).singleElement().satisfies(message -> assertThat(message.text()).contains("S3cret-pass!"));
        assertThat(outbox.byNotification).isEmpty();
    }

    @Test
    void a_login_password_without_a_waiting_password_notifies_nobody() {
        fixture.givenNoPriorActivity()
                .whenAggregate(MEMBER).publishes(new LoginPasswordSet(new MemberId(MEMBER), false), BY_ADMIN)
                .expectActiveSagas(0)
                .expectPublishedEvents();
    }

    @Test
    void the_notification_id_is_derived_from_the_causing_event() {
        assertThat(ContactChangeNotificationSaga.notificationIdOf("event-1"))
                .isEqualTo(ContactChangeNotificationSaga.notificationIdOf("event-1"))
                .isNotEqualTo(ContactChangeNotificationSaga.notificationIdOf("event-2"));
    }

    private static PhoneNumberChanged phoneChange() {
        return new PhoneNumberChanged(new MemberId(MEMBER), "+8613800138000", "+8613900139000");
    }

    @SuppressWarnings("unchecked")
    @Test
    void a_suspension_and_a_resumption_by_an_administrator_tell_the_member_whatever_the_contact_settings() {
        settings.select(false, false);
        fixture.givenNoPriorActivity()
                .whenAggregate(MEMBER).publishes(new MemberSuspended(new MemberId(MEMBER), MemberStatus.ACTIVE), BY_ADMIN)
                .expectActiveSagas(1)
                .expectPublishedEventsMatching(only(NotificationCreated.class,
                        created -> created.kind() == NotificationKind.MEMBER_SUSPENDED));
        bot.answer(DeliveryOutcome.accepted());
        fixture.whenTimeElapses(Duration.ZERO).expectActiveSagas(0);
        assertThat(bot.sent).singleElement().satisfies(message -> {
            assertThat(message.kind()).isEqualTo(NotificationKind.MEMBER_SUSPENDED);
            assertThat(message.text()).contains("suspended", "by admin", "cannot sign in");
        });
    }

    @Test
    void a_resumption_tells_the_member_they_can_sign_in_again() {
        bot.answer(DeliveryOutcome.accepted());
        fixture.givenNoPriorActivity()
                .whenAggregate(MEMBER).publishes(new MemberResumed(new MemberId(MEMBER), MemberStatus.ACTIVE), BY_ADMIN)
                .expectActiveSagas(1);
        fixture.whenTimeElapses(Duration.ZERO).expectActiveSagas(0);
        assertThat(bot.sent).singleElement().satisfies(message -> {
            assertThat(message.kind()).isEqualTo(NotificationKind.MEMBER_RESUMED);
            assertThat(message.text()).contains("resumed", "sign in again");
        });
    }

    @Test
    void an_offboarding_or_a_suspension_by_the_system_tells_nobody() {
        fixture.givenNoPriorActivity()
                .whenAggregate(MEMBER).publishes(new MemberOffboarded(new MemberId(MEMBER), MemberStatus.ACTIVE), BY_ADMIN)
                .expectActiveSagas(0)
                .expectPublishedEvents();
        fixture.givenNoPriorActivity()
                .whenAggregate(MEMBER).publishes(new MemberSuspended(new MemberId(MEMBER), MemberStatus.ACTIVE),
                        Map.of(MetadataKeys.ACTOR, "system", MetadataKeys.SOURCE, MetadataKeys.SOURCE_SYSTEM))
                .expectActiveSagas(0)
                .expectPublishedEvents();
    }

    private static <T> org.hamcrest.Matcher<List<org.axonframework.messaging.Message<?>>> only(
            Class<T> type, Predicate<T> check) {
        return payloadsMatching(exactSequenceOf(
                Matchers.predicate(payload -> type.isInstance(payload) && check.test((T) payload)), andNoMore()));
    }

    private static final class StubSettings implements SettingsHistory {
        private Instant since = Instant.MIN;
        private ContactChangeNotificationSettings chosen = ContactChangeNotificationSettings.NONE;

        void select(boolean phone, boolean email) {
            selectFrom(Instant.MIN, phone, email);
        }

        void selectFrom(Instant from, boolean phone, boolean email) {
            since = from;
            chosen = new ContactChangeNotificationSettings(phone, email);
        }

        @Override
        public ContactChangeNotificationSettings at(Instant instant) {
            return instant.isBefore(since) ? ContactChangeNotificationSettings.NONE : chosen;
        }

        @Override
        public ContactChangeNotificationSettings current() {
            return chosen;
        }
    }

    private static final class ScriptedBot implements BotGateway {
        final List<BotMessage> sent = new ArrayList<>();
        final Deque<DeliveryOutcome> answers = new ArrayDeque<>();

        void answer(DeliveryOutcome... outcomes) {
            answers.addAll(List.of(outcomes));
        }

        @Override
        public DeliveryOutcome deliver(BotMessage message) {
            sent.add(message);
            return answers.isEmpty() ? DeliveryOutcome.failed("no answer scripted") : answers.poll();
        }
    }

    private static final class MapOutbox implements PasswordOutbox {
        final Map<String, String> byMember = new HashMap<>();
        final Map<String, String> byNotification = new HashMap<>();

        @Override
        public void put(MemberId memberId, String password) {
            byMember.put(memberId.value(), password);
        }

        @Override
        public boolean claim(MemberId memberId, String notificationId) {
            String password = byMember.remove(memberId.value());
            if (password == null) {
                return false;
            }
            byNotification.put(notificationId, password);
            return true;
        }

        @Override
        public Optional<String> open(String notificationId) {
            return Optional.ofNullable(byNotification.get(notificationId));
        }

        @Override
        public void discard(String notificationId) {
            byNotification.remove(notificationId);
        }
    }
}
