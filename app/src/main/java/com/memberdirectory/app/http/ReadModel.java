package com.memberdirectory.app.http;

import com.memberdirectory.kernel.problem.DomainRuleViolation;
import com.memberdirectory.query.support.ProjectionFailedException;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Asks the read side through the query gateway, with a bound on how long a read-your-writes wait may take. */
@Component
public class ReadModel {

    static final Duration MAX_WAIT = Duration.ofSeconds(30);

    private final QueryGateway queries;

    public ReadModel(QueryGateway queries) {
        this.queries = queries;
    }

    public <R> R ask(Object query, Class<R> answer) {
        try {
            return queries.query(query, ResponseTypes.instanceOf(answer)).get(MAX_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw lagging();
        } catch (TimeoutException e) {
            throw lagging();
        } catch (ExecutionException e) {
            for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
                if (cause instanceof ProjectionFailedException failed) {
                    throw projectionFailed(failed);
                }
                if (cause instanceof DomainRuleViolation refused) {
                    throw refused; // a read refused by a rule (e.g. too_large), whatever the query bus wrapped it in
                }
            }
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /**
     * The write is stored, but an event of the entry was dead-lettered by the read model, so waiting cannot help:
     * 503 {@code projection_failed}, naming the dead letter; the change shows once an administrator retries it.
     */
    private static ApiException projectionFailed(ProjectionFailedException failed) {
        return new ApiException(HttpStatusCode.valueOf(503), "projection_failed", failed.getMessage(), List.of());
    }

    private static ApiException lagging() {
        return new ApiException(HttpStatusCode.valueOf(503), "read_model_lagging",
                "The change was stored, but the lists have not caught up yet; read it again shortly.", List.of());
    }
}
