package com.memberdirectory.app.storage;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.memberdirectory.app.storage.LoginEmailClaimsMigration.Outcome;
import com.memberdirectory.app.storage.LoginEmailClaimsMigration.SharedLoginEmail;
import com.memberdirectory.app.storage.embedded.JdbcUniqueValues;
import com.memberdirectory.command.uniqueness.UniqueKind;
import com.memberdirectory.eventstore.EmbeddedSchema;
import com.memberdirectory.eventstore.EventQueries;
import com.memberdirectory.kernel.department.DepartmentId;
import com.memberdirectory.kernel.member.CityChanged;
import com.memberdirectory.kernel.member.Gender;
import com.memberdirectory.kernel.member.LoginEmailChanged;
import com.memberdirectory.kernel.member.LoginEmailType;
import com.memberdirectory.kernel.member.MemberActivated;
import com.memberdirectory.kernel.member.MemberCreated;
import com.memberdirectory.kernel.member.MemberEvent;
import com.memberdirectory.kernel.member.MemberId;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.hsqldb.jdbc.JDBCDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The start-up step that claims the login emails of a data folder from before they were claimed. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class LoginEmailClaimsMigrationTest {

    private HikariDataSource dataSource;
    private JdbcTemplate jdbc;
    private TransactionManager transactions;
    private JdbcEventStorageEngine events;
    private JdbcUniqueValues unique;
    private final Map<String, Long> sequences = new HashMap<>();
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

    @BeforeEach
    void dataFolderOfAnEarlierRelease() {
        // The embedded store as the application opens it, on a file database of its own.
        JDBCDataSource hsqldb = new JDBCDataSource();
        hsqldb.setUrl("jdbc:hsqldb:file:" + Path.of("target", "login-email-claims", UUID.randomUUID().toString(), "directory")
                + ";hsqldb.tx=mvcc;hsqldb.write_delay=false;hsqldb.lock_file=false;hsqldb.default_table_type=cached"
                + ";hsqldb.log_size=64;hsqldb.cache_size=65536");
        hsqldb.setUser("SA");
        hsqldb.setPassword("");
        HikariConfig config = new HikariConfig();
        config.setDataSource(hsqldb);
        config.setMaximumPoolSize(4);
        dataSource = new HikariDataSource(config);
        jdbc = new JdbcTemplate(dataSource);
        EmbeddedSchema.apply(jdbc);
        transactions = new SpringTransactionManager(new DataSourceTransactionManager(dataSource));
        Serializer serializer = JacksonSerializer.builder().objectMapper(JsonMapper.builder().findAndAddModules()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build()).build();
        events = JdbcEventStorageEngine.builder()
                .connectionProvider(new SpringDataSourceConnectionProvider(dataSource))
                .transactionManager(transactions)
                .snapshotSerializer(serializer)
                .eventSerializer(serializer)
                .dataType(byte[].class)
                .batchSize(1000)
                .readEventDataWithGaps(EventQueries::readEventDataWithGaps)
                .build();
        unique = new JdbcUniqueValues(jdbc);
        logged.start();
        ((Logger) LoggerFactory.getLogger(LoginEmailClaimsMigration.class)).addAppender(logged);
    }

    @AfterEach
    void close() {
        ((Logger) LoggerFactory.getLogger(LoginEmailClaimsMigration.class)).detachAppender(logged);
        jdbc.execute("SHUTDOWN");
        dataSource.close();
    }

    private LoginEmailClaimsMigration migration() {
        return new LoginEmailClaimsMigration(events, unique, transactions);
    }

    @Test
    void every_members_current_login_email_is_claimed_and_members_sharing_one_are_reported_not_silently_resolved() {
        append(created("m-ann", "ann@x.com"));
        append(created("m-bo", "Bo@x.com"), new MemberActivated(new MemberId("m-bo")));
        append(created("m-cy", "cy@x.com"), loginChanged("m-cy", "cy@x.com", "ANN@x.com")); // followed into Ann's
        append(created("m-di", "di@x.com"), new CityChanged(new MemberId("m-di"), null, "Oslo"),
                loginChanged("m-di", "di@x.com", "bo@X.com")); // Bo, active, had it first and keeps signing in with it
        append(created("m-ed", null)); // reachable by phone only: signs in with nothing
        append(created("m-fay", "fay@x.com"), loginChanged("m-fay", "fay@x.com", "fay@corp.example"));
        append(created("m-gus", "gus@x.com"), new MemberActivated(new MemberId("m-gus")),
                created("m-hal", "hal@x.com"), loginChanged("m-hal", "hal@x.com", "gus@x.com"));

        Outcome outcome = migration().run();

        assertThat(outcome.ran()).isTrue();
        assertThat(claims()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "ann@x.com", "m-ann", "bo@x.com", "m-bo", "fay@corp.example", "m-fay", "gus@x.com", "m-gus"));
        assertThat(outcome.claimed()).isEqualTo(4);
        assertThat(outcome.shared()).containsExactly(
                new SharedLoginEmail("ann@x.com", "m-ann", List.of("m-cy")),
                new SharedLoginEmail("bo@x.com", "m-bo", List.of("m-di")),
                new SharedLoginEmail("gus@x.com", "m-gus", List.of("m-hal")));
        assertThat(warnings()).hasSize(3).anySatisfy(warning -> assertThat(warning)
                .contains("ann@x.com").contains("m-ann holds it").contains("members m-cy use it without holding it"));
        assertThat(unique.ownerOf(UniqueKind.MIGRATION, LoginEmailClaimsMigration.NAME)).isPresent();
    }

    @Test
    void a_data_folder_is_migrated_once() {
        append(created("m-ann", "ann@x.com"));
        assertThat(migration().run().ran()).isTrue();
        // a member changed afterwards claims through its commands; a second start reads nothing
        append(loginChanged("m-ann", "ann@x.com", "ann.lee@x.com"));
        Outcome again = migration().run();
        assertThat(again.ran()).isFalse();
        assertThat(claims()).containsExactly(Map.entry("ann@x.com", "m-ann"));
    }

    @Test
    void a_login_email_claimed_by_someone_else_is_left_alone_and_its_users_reported() {
        unique.claim(UniqueKind.LOGIN_EMAIL, "ann@x.com", "m-zed");
        append(created("m-ann", "ann@x.com"));
        Outcome outcome = migration().run();
        assertThat(claims()).containsExactly(Map.entry("ann@x.com", "m-zed"));
        assertThat(outcome.shared()).containsExactly(new SharedLoginEmail("ann@x.com", "m-zed", List.of("m-ann")));
        assertThat(warnings()).singleElement().asString().contains("m-zed holds it").contains("members m-ann use it");
    }

    @Test
    void a_hundred_thousand_members_migrate_in_seconds() {
        int members = 100_000;
        List<Object> batch = new ArrayList<>();
        for (int i = 0; i < members; i++) {
            String id = "m-" + i;
            batch.add(created(id, "member" + i + "@x.com"));
            if (i % 2 == 0) {
                batch.add(new CityChanged(new MemberId(id), null, "Oslo"));
            }
            if (i % 3 == 0) {
                batch.add(loginChanged(id, "member" + i + "@x.com", "Member" + i + ".new@x.com"));
            }
            if (i % 4 == 0) {
                batch.add(new MemberActivated(new MemberId(id)));
            }
            if (batch.size() >= 5_000) {
                append(batch.toArray());
                batch.clear();
            }
        }
        append(batch.toArray());

        // The embedded database runs in the calling thread: its CPU time is the migration's cost, whatever else
        // the (shared) machine is doing; the wall time is printed for the record.
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpu = threads.getCurrentThreadCpuTime();
        long wall = System.nanoTime();
        Outcome outcome = migration().run();
        long cpuMillis = (threads.getCurrentThreadCpuTime() - cpu) / 1_000_000;
        System.out.printf("Claimed the login emails of %d members: %d ms CPU, %d ms elapsed%n", members, cpuMillis,
                (System.nanoTime() - wall) / 1_000_000);

        assertThat(outcome.claimed()).isEqualTo(members);
        assertThat(outcome.shared()).isEmpty();
        assertThat(unique.ownerOf(UniqueKind.LOGIN_EMAIL, "member3.new@x.com")).contains("m-3");
        assertThat(unique.ownerOf(UniqueKind.LOGIN_EMAIL, "member4@x.com")).contains("m-4");
        assertThat(cpuMillis).isLessThan(20_000);
    }

    private static MemberCreated created(String member, String workEmail) {
        return new MemberCreated(new MemberId(member), member, null, null, null, member, workEmail, null,
                workEmail == null ? "+8613800138000" : null, false, Gender.UNSPECIFIED, List.of(new DepartmentId("d")), null,
                null, null, null, null, null, List.of(), LoginEmailType.WORK_EMAIL, workEmail);
    }

    private static LoginEmailChanged loginChanged(String member, String before, String after) {
        return new LoginEmailChanged(new MemberId(member), before, after);
    }

    /** Appends the events in one transaction, each to the aggregate its payload names. */
    private void append(Object... payloads) {
        List<DomainEventMessage<?>> messages = new ArrayList<>();
        for (Object payload : payloads) {
            String member = memberOf(payload);
            long sequence = sequences.merge(member, 1L, Long::sum) - 1;
            messages.add(new GenericDomainEventMessage<>("Member", member, sequence, payload));
        }
        transactions.executeInTransaction(() -> events.appendEvents(messages));
    }

    private static String memberOf(Object payload) {
        return ((MemberEvent) payload).memberId().value();
    }

    private Map<String, String> claims() {
        Map<String, String> claims = new HashMap<>();
        jdbc.query("SELECT claim_value, owner FROM directory_claims WHERE kind = 'LOGIN_EMAIL'",
                rs -> {
                    claims.put(rs.getString(1), rs.getString(2));
                });
        return claims;
    }

    private List<String> warnings() {
        return logged.list.stream().filter(event -> event.getLevel() == Level.WARN)
                .map(ILoggingEvent::getFormattedMessage).toList();
    }
}
