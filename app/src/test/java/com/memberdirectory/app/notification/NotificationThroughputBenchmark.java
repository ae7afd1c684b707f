package com.memberdirectory.app.notification;

import com.memberdirectory.kernel.access.Actor;
import com.memberdirectory.kernel.department.DepartmentId;
import com.memberdirectory.kernel.member.CreateMember;
import com.memberdirectory.kernel.member.MemberChanges;
import com.memberdirectory.kernel.member.MemberFields;
import com.memberdirectory.kernel.member.MemberId;
import com.memberdirectory.kernel.member.UpdateMember;
import com.memberdirectory.kernel.metadata.MetadataKeys;
import com.memberdirectory.kernel.notification.ChangeContactChangeNotificationSettings;
import com.memberdirectory.kernel.notification.ContactChangeNotificationSettings;
import com.memberdirectory.kernel.notification.ListNotifications;
import com.memberdirectory.kernel.notification.NotificationList;
import com.memberdirectory.kernel.notification.NotificationStatus;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

import static org.awaitility.Awaitility.await;

/**
 * How notifications weigh on a burst of import-like phone changes: the same number of changes with the setting
 * off and on, then how long the saga and the deliveries take to drain in the background.
 * {@code ./mvnw -B -Pbench -pl app -am verify -Dit.test=NotificationThroughputBenchmark -Dbench.changes=20000}
 */
@Tag("bench")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class NotificationThroughputBenchmark {

    private static final int CHANGES = Integer.getInteger("bench.changes", 2000);
    private static final TestBot BOT = new TestBot("bench-bot-secret");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("directory.security.jwt-secret", () -> NotificationDeliveryTest.JWT_SECRET);
        registry.add("directory.security.primary-admin", () -> "admin");
        registry.add("directory.embedded-store.path", () -> "target/bench-notifications-" + UUID.randomUUID());
        registry.add("directory.notifications.bot-url", BOT::url);
        registry.add("directory.notifications.bot-secret", () -> "bench-bot-secret");
    }

    @AfterAll
    static void stopBot() {
        BOT.close();
    }

    @Autowired
    CommandGateway commands;
    @Autowired
    QueryGateway queries;

    @Test
    void phone_changes_with_notifications_off_and_on() throws Exception {
        DepartmentId department = DepartmentId.generate();
        commands.sendAndWait(asAdmin(new com.memberdirectory.kernel.department.CreateDepartment(department, "Bench", null, Actor.organization("admin")), "API"));
        List<MemberId> members = IntStream.range(0, 2 * CHANGES).mapToObj(i -> MemberId.generate()).toList();
        run("create", members.size(), i -> new CreateMember(members.get(i), MemberChanges.builder().set(MemberFields.NAME, "Member " + i)
                .set(MemberFields.PHONE, phone(i, 0)).set(MemberFields.DEPARTMENTS, List.of(department)).build(), Actor.organization("admin")));

        run("phone changes, notifications off", CHANGES, i -> change(members.get(i), phone(i, 1)));
        commands.sendAndWait(asAdmin(ChangeContactChangeNotificationSettings.to(new ContactChangeNotificationSettings(true, false), Actor.organization("admin")), "API"));
        long start = System.nanoTime();
        run("phone changes, notifications on", CHANGES, i -> change(members.get(CHANGES + i), phone(CHANGES + i, 1)));
        await().atMost(Duration.ofMinutes(30)).pollInterval(Duration.ofSeconds(1)).until(() -> delivered() >= CHANGES);
        System.out.printf("BENCH %d notifications created and delivered %.1f s after the changes began (bot received %d)%n",
                CHANGES, (System.nanoTime() - start) / 1e9, BOT.received().size());
    }

    private long delivered() {
        return queries.query(new ListNotifications(null, null), NotificationList.class).join().items().stream()
                .filter(n -> n.status() == NotificationStatus.DELIVERED).count();
    }

    private void run(String label, int count, IntFunction<Object> command) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            int index = i;
            pool.execute(() -> commands.sendAndWait(asAdmin(command.apply(index), "IMPORT:bench")));
        }
        pool.shutdown();
        pool.awaitTermination(30, TimeUnit.MINUTES);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("BENCH %s: %d commands in %.1f s = %.0f/s%n", label, count, seconds, count / seconds);
    }

    private static UpdateMember change(MemberId member, String phone) {
        return new UpdateMember(member, null, MemberChanges.builder().set(MemberFields.PHONE, phone).build(), Actor.organization("admin"));
    }

    private static String phone(int i, int generation) {
        return String.format("+86139%08d", i * 10 + generation);
    }

    private static GenericCommandMessage<Object> asAdmin(Object command, String source) {
        return new GenericCommandMessage<>(command, MetaData.from(Map.of(MetadataKeys.ACTOR, "admin",
                MetadataKeys.SOURCE, source, MetadataKeys.CORRELATION_ID, UUID.randomUUID().toString())));
    }
}
