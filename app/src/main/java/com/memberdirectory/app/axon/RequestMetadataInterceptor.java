package com.memberdirectory.app.axon;

import com.memberdirectory.kernel.metadata.MetadataKeys;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;

/**
 * Fills in who sends a command, through what and under which correlation id, unless the sender (an import,
 * the system) already said so.
 */
public class RequestMetadataInterceptor implements MessageDispatchInterceptor<CommandMessage<?>> {

    public static final String CORRELATION_ATTRIBUTE = RequestMetadataInterceptor.class.getName() + ".correlationId";

    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(List<? extends CommandMessage<?>> messages) {
        return (index, message) -> {
            Map<String, Object> added = new HashMap<>();
            if (!message.getMetaData().containsKey(MetadataKeys.ACTOR)) {
                Authentication caller = SecurityContextHolder.getContext().getAuthentication();
                added.put(MetadataKeys.ACTOR, caller == null ? "system" : caller.getName());
            }
            if (!message.getMetaData().containsKey(MetadataKeys.SOURCE)) {
                added.put(MetadataKeys.SOURCE, RequestContextHolder.getRequestAttributes() == null
                        ? MetadataKeys.SOURCE_SYSTEM : MetadataKeys.SOURCE_API);
            }
            if (!message.getMetaData().containsKey(MetadataKeys.CORRELATION_ID)) {
                added.put(MetadataKeys.CORRELATION_ID, correlationId());
            }
            return added.isEmpty() ? message : message.andMetaData(added);
        };
    }

    private static String correlationId() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null) {
            Object id = request.getAttribute(CORRELATION_ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
            if (id != null) {
                return id.toString();
            }
        }
        return UUID.randomUUID().toString();
    }
}
