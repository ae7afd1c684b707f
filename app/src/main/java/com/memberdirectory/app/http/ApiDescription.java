package com.memberdirectory.app.http;

import com.memberdirectory.kernel.problem.ErrorCode;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.web.method.HandlerMethod;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * What {@code /v3/api-docs} tells a client beyond the controllers' signatures, so that a generated client knows it:
 * every call needs a bearer JWT; errors are problem+json with {@code code} and {@code errors[]} (SCIM's paths answer
 * SCIM error bodies instead); a member's version travels as {@code ETag} and comes back as {@code If-Match}, a stale
 * one answering 412; a 202 names in {@code Location} the job to poll. The rules are applied to every operation by
 * its shape (its method, path, parameters and answers), so a new endpoint is described without a word here.
 * <p>
 * Names, for generated clients: an operation is named after its handler method ({@code activate}), with the
 * controller's resource added where the method's name alone is not unique ({@code createMember},
 * {@code createDepartment}); operations are grouped by resource ({@code Member}, {@code Import}, …) unless the
 * controller names its group itself.
 */
@Component
class ApiDescription implements OpenApiCustomizer, OperationCustomizer {

    static final String BEARER = "bearer";
    static final String PROBLEM = "Problem";
    static final String SCIM_ERROR = "ScimError";
    private static final String PROBLEM_JSON = org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE;
    private static final String SCIM_JSON = "application/scim+json";
    private static final List<String> TRANSPORT_HEADERS = List.of(HttpHeaders.CONTENT_TYPE, HttpHeaders.CONTENT_LENGTH);
    private static final String HANDLER = "x-handler-method";

    static {
        // Enums as named schemas (Permission, Gender, MemberStatus, …) rather than repeated inline in every property:
        // one type per enum in a generated client, and what its generators handle best.
        io.swagger.v3.core.jackson.ModelResolver.enumsAsRef = true;
    }

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        String resource = handler.getBeanType().getSimpleName().replaceFirst("Controller$", "");
        String method = handler.getMethod().getName();
        operation.setOperationId(method + resource);
        operation.addExtension(HANDLER, method);
        if (operation.getTags() == null || operation.getTags().stream().allMatch(tag -> tag.endsWith("-controller"))) {
            operation.setTags(List.of(resource));
        }
        return operation;
    }

    @Override
    public void customise(OpenAPI api) {
        api.info(new Info().title("Member Directory").version("1")
                .description("The back end of an organization directory's admin console: members, departments, custom"
                        + " fields, spreadsheet import and export, history and auditing, SCIM 2.0 provisioning."));
        Components components = api.getComponents() == null ? new Components() : api.getComponents();
        api.components(components);
        components.addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                .bearerFormat("JWT").description("A JWT whose subject is the caller. What the caller may see and change"
                        + " follows from the permissions granted to that subject (PUT /api/admins/{subject})."));
        api.security(List.of(new SecurityRequirement().addList(BEARER)));
        components.addSchemas("FieldError", new ObjectSchema().description("One offending field of a refused request")
                .addProperty("field", new StringSchema().description("The field, as named in the request (JSON property,"
                        + " query parameter or workbook column)"))
                .addProperty("message", new StringSchema()));
        components.addSchemas(PROBLEM, problemSchema());
        components.addSchemas(SCIM_ERROR, new ObjectSchema().description("An error as RFC 7644 section 3.12 defines it")
                .addProperty("schemas", new ArraySchema().items(new StringSchema()))
                .addProperty("status", new StringSchema().example("409"))
                .addProperty("scimType", new StringSchema().example("uniqueness"))
                .addProperty("detail", new StringSchema()));
        if (api.getPaths() == null) {
            return;
        }
        api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) ->
                describe(path, method, operation)));
        shortenNames(api);
        if (api.getTags() != null) {
            api.getTags().removeIf(tag -> tag.getName().endsWith("-controller"));
        }
    }

    /** Each operation named after its handler method alone where no other operation has a method of that name. */
    private static void shortenNames(OpenAPI api) {
        List<Operation> operations = api.getPaths().values().stream()
                .flatMap(item -> item.readOperations().stream()).toList();
        Map<Object, Integer> uses = new HashMap<>();
        operations.forEach(operation -> uses.merge(handlerName(operation), 1, Integer::sum));
        for (Operation operation : operations) {
            Object method = handlerName(operation);
            if (method != null && uses.get(method) == 1) {
                operation.setOperationId(method.toString());
            }
            if (operation.getExtensions() != null) {
                operation.getExtensions().remove(HANDLER);
                if (operation.getExtensions().isEmpty()) {
                    operation.setExtensions(null);
                }
            }
        }
    }

    private static Object handlerName(Operation operation) {
        return operation.getExtensions() == null ? null : operation.getExtensions().get(HANDLER);
    }

    private static Schema<?> problemSchema() {
        String codes = Arrays.stream(ErrorCode.values()).map(ErrorCode::code).collect(Collectors.joining(", "));
        return new ObjectSchema().description("A refused request (RFC 9457). Branch on `code`, point the user at"
                        + " `errors[].field`.")
                .addProperty("type", new StringSchema().example("about:blank"))
                .addProperty("title", new StringSchema().example("Precondition Failed"))
                .addProperty("status", new IntegerSchema().example(412))
                .addProperty("detail", new StringSchema().example("The member has changed since version 3; it is at version 4."))
                .addProperty("instance", new StringSchema())
                .addProperty("code", new StringSchema().example("version_conflict").description("What went wrong, for"
                        + " programs. Among others: " + codes + ", bad_request, unauthorized, forbidden, not_found,"
                        + " too_many_imports, payload_too_large, busy, request_too_slow. New codes may be added."))
                .addProperty("errors", new ArraySchema().items(new Schema<>().$ref("#/components/schemas/FieldError")))
                .required(List.of("status", "code", "errors"));
    }

    private static void describe(String path, PathItem.HttpMethod method, Operation operation) {
        boolean scim = path.startsWith("/scim/");
        if (operation.getParameters() != null) {
            operation.getParameters().removeIf(parameter -> "header".equals(parameter.getIn())
                    && TRANSPORT_HEADERS.stream().anyMatch(header -> header.equalsIgnoreCase(parameter.getName())));
        }
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        operation.setResponses(responses);
        boolean write = method != PathItem.HttpMethod.GET && method != PathItem.HttpMethod.HEAD;
        Parameter ifMatchHeader = header(operation, HttpHeaders.IF_MATCH);
        boolean ifMatch = ifMatchHeader != null;

        if (ifMatch) {
            ifMatchHeader.description("The ETag of the version this change is based on; if the"
                    + " member has changed since, the change is refused with 412 (`version_conflict`). Without it the"
                    + " change applies to the latest version.");
        }
        boolean scimUser = path.startsWith("/scim/v2/Users") && (path.contains("{") || write);
        responses.forEach((status, response) -> {
            if (status.startsWith("2") && (ifMatch || scimUser || returnsMember(response))) {
                response.addHeaderObject(HttpHeaders.ETAG, new Header().description("The member's version; send it back"
                        + " as If-Match to change exactly this version").schema(new StringSchema().example("\"4\"")));
            }
            if (status.equals("202")) {
                response.description("Accepted: the job runs in the background. Poll the URL in Location until its status"
                        + " is final (SUCCEEDED or FAILED).");
                response.addHeaderObject(HttpHeaders.LOCATION, new Header().description("The job to poll")
                        .schema(new StringSchema()));
            }
        });
        Map<String, String> errors = new LinkedHashMap<>();
        errors.put("400", "Malformed request: unreadable body, wrong type, unknown parameter");
        errors.put("401", "No valid bearer token");
        errors.put("403", "The caller may not do this (or not to this member)");
        if (path.contains("{")) {
            errors.put("404", "No such resource, or not one the caller may see");
        }
        if (write) {
            errors.put("409", "A unique value is taken, or the resource is in use");
            errors.put("422", "Refused by a rule; `errors[].field` names the field");
        }
        if (ifMatch || scim && write) {
            errors.put("412", "The If-Match version is stale: someone changed it since");
        }
        if (responses.containsKey("202")) {
            errors.put("429", "Too many jobs of the caller or in all; retry after Retry-After seconds");
        }
        if (hasMultipartBody(operation)) {
            errors.put("413", "The upload is larger than allowed");
        }
        errors.forEach((status, description) -> responses.computeIfAbsent(status, ignored -> error(scim, description)));
    }

    private static Parameter header(Operation operation, String name) {
        if (operation.getParameters() == null) {
            return null;
        }
        return operation.getParameters().stream()
                .filter(parameter -> "header".equals(parameter.getIn()) && name.equalsIgnoreCase(parameter.getName()))
                .findFirst().orElse(null);
    }

    private static boolean returnsMember(ApiResponse response) {
        return response.getContent() != null && response.getContent().values().stream()
                .map(MediaType::getSchema).filter(Objects::nonNull)
                .anyMatch(schema -> "#/components/schemas/MemberView".equals(schema.get$ref()));
    }

    private static boolean hasMultipartBody(Operation operation) {
        return operation.getRequestBody() != null && operation.getRequestBody().getContent() != null
                && operation.getRequestBody().getContent().keySet().stream().anyMatch(type -> type.startsWith("multipart/"));
    }

    private static ApiResponse error(boolean scim, String description) {
        String type = scim ? SCIM_JSON : PROBLEM_JSON;
        String schema = scim ? SCIM_ERROR : PROBLEM;
        return new ApiResponse().description(description)
                .content(new Content().addMediaType(type, new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + schema))));
    }
}
