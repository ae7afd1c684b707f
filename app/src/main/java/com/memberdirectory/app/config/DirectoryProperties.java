package com.memberdirectory.app.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** Everything under {@code directory.}; validated at start so a bad configuration fails fast. */
@Validated
@ConfigurationProperties("directory")
public record DirectoryProperties(@Valid @NotNull @DefaultValue EmbeddedStore embeddedStore,
                                  @Valid @NotNull @DefaultValue Security security,
                                  @DefaultValue List<String> businessMailDomains,
                                  @NotBlank @DefaultValue("CN") String defaultPhoneRegion,
                                  @Valid @NotNull @DefaultValue Notifications notifications,
                                  @Valid @NotNull @DefaultValue Imports imports,
                                  @Valid @NotNull @DefaultValue Requests requests,
                                  @Valid @NotNull @DefaultValue Reads reads,
                                  @Valid @NotNull @DefaultValue Search search) {

    /**
     * The member search index.
     *
     * @param path its folder with MongoDB (a folder of this instance, never shared); on the embedded default it is
     *             {@code search/} in the data folder and this is not used
     */
    public record Search(@NotNull @DefaultValue("./search") Path path) {
    }

    /** The embedded default's files. */
    public record EmbeddedStore(@NotNull @DefaultValue("./data") Path path) {
    }

    /**
     * @param jwtSecret    HS256 secret of the embedded default (at least 32 bytes); not needed with an issuer URI
     * @param primaryAdmin subject of the primary administrator
     * @param encryptionKey key material for secrets stored encrypted (defaults to one derived from jwtSecret)
     * @param operators    subjects besides the primary admin who may read the operational (actuator) endpoints other
     *                     than health and info, e.g. a Prometheus scraper's; empty: the primary admin only
     */
    public record Security(String jwtSecret, @NotBlank(message = "set directory.security.primary-admin") String primaryAdmin,
                           String encryptionKey,
                           @DefaultValue List<@NotBlank(message = "directory.security.operators may not hold a blank subject") String> operators) {

        /** Who may read the operational endpoints: the primary admin and the listed operators. */
        public java.util.Set<String> operatorSubjects() {
            java.util.Set<String> subjects = new java.util.HashSet<>(operators == null ? List.of() : operators);
            subjects.add(primaryAdmin);
            return java.util.Set.copyOf(subjects);
        }
    }

    /**
     * The notification bot: what it receives and how deliveries are retried is in docs/notifications.md.
     *
     * @param botUrl            where messages are POSTed; unset: notifications stay PENDING until it is set
     * @param botSecret         HMAC-SHA256 key of {@code X-Directory-Signature}; also seals waiting passwords
     * @param retryInitialDelay the wait before the first retry, doubled for each further one
     * @param maxAttempts       attempts before a notification is FAILED
     * @param botTimeout        how long one attempt may wait for the bot's answer
     */
    public record Notifications(URI botUrl,
                                String botSecret,
                                @NotNull @DefaultValue("PT10S") Duration retryInitialDelay,
                                @Min(1) @DefaultValue("8") int maxAttempts,
                                @NotNull @DefaultValue("PT5S") Duration botTimeout) {

        public boolean botConfigured() {
            return botUrl != null;
        }

        @AssertTrue(message = "set directory.notifications.bot-secret when directory.notifications.bot-url is set")
        public boolean isBotSecretGivenWithBotUrl() {
            return botUrl == null || (botSecret != null && !botSecret.isBlank());
        }

        @AssertTrue(message = "directory.notifications.retry-initial-delay and bot-timeout must be positive")
        public boolean isDelaysPositive() {
            return retryInitialDelay != null && botTimeout != null && retryInitialDelay.toMillis() > 0
                    && botTimeout.toMillis() > 0;
        }
    }

    /**
     * How many imports may wait or run at once (dry runs included). Each keeps its uploaded file until it ends and
     * imports run one after another, so without a bound one admin could queue uploads faster than they run.
     *
     * @param maxUnfinishedPerAdmin imports one admin may have queued or running (uploads in progress included)
     * @param maxUnfinished         imports of everyone together
     */
    public record Imports(@Min(1) @DefaultValue("3") int maxUnfinishedPerAdmin,
                          @Min(1) @DefaultValue("12") int maxUnfinished) {
    }

    /**
     * How request bodies are read (docs/limits.md, Requests): a slow or idle sender cannot hold the service's
     * request threads.
     *
     * @param maxBodyReaders    requests reading a body at once; more are answered 503 before their body is read, so
     *                          the rest of the request threads stay free for everyone else
     * @param minimumBodyRate   the average rate a body must arrive at (bytes per second) once the grace period is
     *                          over; a slower one is cut off with 408
     * @param bodyGrace         how long a body may arrive slower than that (a client starting up, a slow first hop)
     * @param maxBody           the largest body of any request but an import upload (JSON, photos); larger is 413
     *                          before any of it is read
     */
    public record Requests(@Min(1) @DefaultValue("40") int maxBodyReaders,
                           @NotNull @DefaultValue("32KB") DataSize minimumBodyRate,
                           @NotNull @DefaultValue("PT10S") Duration bodyGrace,
                           @NotNull @DefaultValue("10MB") DataSize maxBody) {

        @AssertTrue(message = "directory.requests.minimum-body-rate, body-grace and max-body must be positive")
        public boolean isPositive() {
            return minimumBodyRate != null && bodyGrace != null && maxBody != null
                    && minimumBodyRate.toBytes() > 0 && bodyGrace.toMillis() > 0 && maxBody.toBytes() > 0;
        }
    }

    /**
     * Reads that are expensive because they replay or write much (docs/limits.md, Reads).
     *
     * @param concurrentAsOf          whole-directory {@code asOf} lists computed at once; more are 429
     * @param asOfMaxMembers          members a whole-directory {@code asOf} list may rebuild; more is 422 {@code too_large}
     * @param asOfMaxDuration         how long rebuilding it may take; longer is 422 {@code too_large}
     * @param concurrentChangeListExports change-list workbooks written at once; more are 429
     * @param changeListExportMaxRows changes one change-list workbook may hold; more is 422 {@code too_large}
     */
    public record Reads(@Min(1) @DefaultValue("2") int concurrentAsOf,
                        @Min(1) @DefaultValue("100000") int asOfMaxMembers,
                        @NotNull @DefaultValue("PT60S") Duration asOfMaxDuration,
                        @Min(1) @DefaultValue("4") int concurrentChangeListExports,
                        @Min(1) @DefaultValue("100000") int changeListExportMaxRows) {

        @AssertTrue(message = "directory.reads.as-of-max-duration must be positive")
        public boolean isDurationPositive() {
            return asOfMaxDuration != null && asOfMaxDuration.toMillis() > 0;
        }
    }
}
