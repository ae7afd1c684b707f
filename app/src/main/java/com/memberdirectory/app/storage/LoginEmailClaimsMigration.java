package com.memberdirectory.app.storage;

import com.memberdirectory.command.uniqueness.UniqueKind;
import com.memberdirectory.command.uniqueness.UniqueValues;
import com.memberdirectory.kernel.member.LoginEmailChanged;
import com.memberdirectory.kernel.member.MemberActivated;
import com.memberdirectory.kernel.member.MemberCreated;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Data folders written before login emails were claimed in the lookup table hold no {@code LOGIN_EMAIL} claims, so
 * nothing would stop a new login email from repeating an old one. Once per data folder (the {@code MIGRATION} row
 * {@value #NAME} records that it ran), this step claims every member's current login email, as the events say it
 * is, in lower case.
 * <p>
 * Members that already share a login email (ignoring case) cannot all hold the claim. One holds it so that the
 * address can never be given to yet another member: an active one if there is one — an active member's login email
 * never changes, so the claim is never given up while the others still use the address — else the one that got the
 * address first. The others keep their login email unclaimed and are reported in a WARN with the address and the
 * member ids, so operators can give them another one. Nothing is decided silently and no member is changed. Fix the
 * reported members rather than the holder: an inactive holder that moves to another address frees this one while
 * the others still use it.
 * <p>
 * It runs while the application starts, after every bean exists and before the web server, the event processors and
 * the sagas start, so no command changes a login email meanwhile. It reads the events once, deserializing only the
 * three kinds it needs, and claims in transactions of {@value #CHUNK}.
 */
@Component
public class LoginEmailClaimsMigration implements SmartInitializingSingleton {

    static final String NAME = "login-email-claims";
    private static final int CHUNK = 1_000;
    private static final Logger log = LoggerFactory.getLogger(LoginEmailClaimsMigration.class);

    /**
     * A login email used by more than one member: who holds its claim, and the members that use it without holding
     * it (all of them when the claim was already held by an owner the events do not give this login email).
     */
    public record SharedLoginEmail(String loginEmail, String holder, List<String> others) {
    }

    /** What a run did; {@code ran} is false when the data folder was migrated before. */
    public record Outcome(boolean ran, int claimed, List<SharedLoginEmail> shared) {
    }

    /** A member's login email as the events say, and where it stands in the event order. */
    private static final class Login {
        String email;
        long since;
        boolean active;
    }

    private final EventStorageEngine events;
    private final UniqueValues unique;
    private final TransactionManager transactions;

    public LoginEmailClaimsMigration(EventStorageEngine events, UniqueValues unique, TransactionManager transactions) {
        this.events = events;
        this.unique = unique;
        this.transactions = transactions;
    }

    @Override
    public void afterSingletonsInstantiated() {
        run();
    }

    public Outcome run() {
        if (unique.ownerOf(UniqueKind.MIGRATION, NAME).isPresent()) {
            return new Outcome(false, 0, List.of());
        }
        long started = System.nanoTime();
        Map<String, List<Map.Entry<String, Login>>> byAddress = new HashMap<>();
        currentLogins().forEach((member, login) -> {
            if (login.email != null) {
                byAddress.computeIfAbsent(login.email.toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                        .add(Map.entry(member, login));
            }
        });
        long read = System.nanoTime();
        List<Map.Entry<String, List<Map.Entry<String, Login>>>> addresses = new ArrayList<>(byAddress.entrySet());
        List<SharedLoginEmail> shared = new ArrayList<>();
        int claimed = 0;
        for (int from = 0; from < addresses.size(); from += CHUNK) {
            List<Map.Entry<String, List<Map.Entry<String, Login>>>> chunk =
                    addresses.subList(from, Math.min(from + CHUNK, addresses.size()));
            List<SharedLoginEmail> sharedInChunk = new ArrayList<>();
            int[] claimedInChunk = {0};
            transactions.executeInTransaction(() -> chunk.forEach(address -> {
                String email = address.getKey();
                List<String> ranked = ranked(address.getValue());
                if (unique.claim(UniqueKind.LOGIN_EMAIL, email, ranked.get(0))) {
                    claimedInChunk[0]++;
                    if (ranked.size() > 1) {
                        sharedInChunk.add(new SharedLoginEmail(email, ranked.get(0), ranked.subList(1, ranked.size())));
                    }
                } else {
                    // Held by an owner the events do not give this login email: left alone, its users reported.
                    sharedInChunk.add(new SharedLoginEmail(email,
                            unique.ownerOf(UniqueKind.LOGIN_EMAIL, email).orElse(null), ranked));
                }
            }));
            shared.addAll(sharedInChunk);
            claimed += claimedInChunk[0];
        }
        // Written last: a run cut short is done again at the next start, and claims the same.
        transactions.executeInTransaction(() -> unique.claim(UniqueKind.MIGRATION, NAME, Instant.now().toString()));
        shared.sort(Comparator.comparing(SharedLoginEmail::loginEmail));
        for (SharedLoginEmail sharing : shared) {
            log.warn("Login email {} is used by more than one member: {} holds it, so no other member can take it;"
                            + " members {} use it without holding it. Give them another login email (while a member is"
                            + " inactive, through the work or business email its login follows).",
                    sharing.loginEmail(), sharing.holder(), String.join(", ", sharing.others()));
        }
        log.info("Claimed the login emails of existing members: {} addresses, {} used by more than one member, in {} ms"
                        + " ({} ms reading the events)", claimed, shared.size(), (System.nanoTime() - started) / 1_000_000,
                (read - started) / 1_000_000);
        return new Outcome(true, claimed, List.copyOf(shared));
    }

    /** The members using one login email, the one that should hold its claim first. */
    private static List<String> ranked(List<Map.Entry<String, Login>> members) {
        return members.stream()
                .sorted(Comparator.comparing((Map.Entry<String, Login> m) -> !m.getValue().active)
                        .thenComparingLong(m -> m.getValue().since))
                .map(Map.Entry::getKey).toList();
    }

    /** Every member's login email after its last event, read in one pass over the event store. */
    private Map<String, Login> currentLogins() {
        Map<String, Login> logins = new HashMap<>();
        long position = 0;
        try (Stream<? extends TrackedEventMessage<?>> stream = events.readEvents(null, false)) {
            Iterator<? extends TrackedEventMessage<?>> messages = stream.iterator();
            while (messages.hasNext()) {
                TrackedEventMessage<?> message = messages.next();
                position++;
                // The type is known without deserializing: only these three kinds are read.
                Class<?> type = message.getPayloadType();
                if (!(message instanceof DomainEventMessage<?> domain)) {
                    continue;
                }
                if (type == MemberCreated.class) {
                    Login login = logins.computeIfAbsent(domain.getAggregateIdentifier(), k -> new Login());
                    login.email = ((MemberCreated) message.getPayload()).loginEmail();
                    login.since = position;
                } else if (type == LoginEmailChanged.class) {
                    Login login = logins.computeIfAbsent(domain.getAggregateIdentifier(), k -> new Login());
                    String after = ((LoginEmailChanged) message.getPayload()).after();
                    if (login.email == null || after == null || !login.email.equalsIgnoreCase(after)) {
                        login.since = position;
                    }
                    login.email = after;
                } else if (type == MemberActivated.class) {
                    logins.computeIfAbsent(domain.getAggregateIdentifier(), k -> new Login()).active = true;
                }
            }
        }
        return logins;
    }

}
