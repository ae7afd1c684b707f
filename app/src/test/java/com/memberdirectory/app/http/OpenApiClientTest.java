package com.memberdirectory.app.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.memberdirectory.app.support.ApiTest;
import com.memberdirectory.testsupport.Api;
import com.memberdirectory.testsupport.Tokens;
import org.junit.jupiter.api.Test;
import org.openapitools.codegen.DefaultGenerator;
import org.openapitools.codegen.config.CodegenConfigurator;

import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import java.io.File;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The OpenAPI description is good enough for a client generator: openapi-generator's Java client (its {@code native}
 * library) is generated from {@code /v3/api-docs} as the service serves it, compiled, and driven against the service —
 * create a member, change it with the ETag it got as If-Match, then try again with the old, now stale ETag and get
 * 412 with the problem's {@code code}. Also checks what the description declares for every operation: the bearer
 * scheme, problem+json (SCIM: SCIM error) answers for errors, ETag and If-Match where versions travel, Location on 202.
 */
class OpenApiClientTest extends ApiTest {

    private static final String PACKAGE = "org.example.directoryclient";

    @Test
    void a_generated_client_creates_a_member_changes_it_with_if_match_and_is_refused_412_with_a_stale_version() throws Exception {
        String department = department(unique("OpenAPI-"), null);
        Path folder = Path.of("target", "openapi-client", UUID.randomUUID().toString()).toAbsolutePath();
        Path spec = folder.resolve("openapi.json");
        Files.createDirectories(folder);
        Api.Response docs = anonymous().get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        Files.writeString(spec, docs.body().toString());

        generate(spec, folder.resolve("client"));
        try (URLClassLoader classes = compile(folder.resolve("client"), folder.resolve("classes"))) {
            Object client = classes.loadClass(PACKAGE + ".ApiClient").getConstructor().newInstance();
            client.getClass().getMethod("updateBaseUri", String.class).invoke(client, "http://localhost:" + port);
            String token = Tokens.valid("admin");
            Consumer<HttpRequest.Builder> bearer = request -> request.header("Authorization", "Bearer " + token);
            client.getClass().getMethod("setRequestInterceptor", Consumer.class).invoke(client, bearer);
            Class<?> membersType = classes.loadClass(PACKAGE + ".api.MemberApi");
            Object members = membersType.getConstructor(client.getClass()).newInstance(client);

            Class<?> requestType = classes.loadClass(PACKAGE + ".model.CreateMemberRequest");
            Object request = requestType.getConstructor().newInstance();
            requestType.getMethod("setName", String.class).invoke(request, "Grace Generated");
            requestType.getMethod("setPhone", String.class).invoke(request, uniquePhone());
            requestType.getMethod("setDepartmentIds", List.class).invoke(request, List.of(department));
            Object created = call(members, "createMemberWithHttpInfo", request);
            assertThat(status(created)).isEqualTo(201);
            String etag = header(created, "etag");
            assertThat(etag).as("the version, as ETag").isNotBlank();
            Object view = created.getClass().getMethod("getData").invoke(created);
            String id = (String) view.getClass().getMethod("getId").invoke(view);

            Object patched = call(members, "patchMemberWithHttpInfo", id, Map.of("city", "Lyon"), etag);
            assertThat(status(patched)).isEqualTo(200);
            Object after = patched.getClass().getMethod("getData").invoke(patched);
            assertThat(after.getClass().getMethod("getCity").invoke(after)).isEqualTo("Lyon");
            assertThat(header(patched, "etag")).as("a new version").isNotEqualTo(etag);

            try {
                call(members, "patchMemberWithHttpInfo", id, Map.of("city", "Nantes"), etag);
                fail("a change based on a stale version must be refused");
            } catch (InvocationTargetException refused) {
                Throwable error = refused.getCause();
                assertThat(error.getClass().getSimpleName()).isEqualTo("ApiException");
                assertThat(error.getClass().getMethod("getCode").invoke(error)).isEqualTo(412);
                JsonNode problem = new com.fasterxml.jackson.databind.ObjectMapper()
                        .readTree((String) error.getClass().getMethod("getResponseBody").invoke(error));
                assertThat(problem.path("code").asText()).isEqualTo("version_conflict");
            }
            assertThat(admin.get("/api/members/" + id).text("city")).as("the stale change changed nothing").isEqualTo("Lyon");
        }
    }

    @Test
    void every_operation_declares_the_bearer_scheme_its_error_answers_and_how_versions_and_jobs_travel() {
        JsonNode docs = anonymous().get("/v3/api-docs").body();
        assertThat(docs.at("/components/securitySchemes/bearer/scheme").asText()).isEqualTo("bearer");
        assertThat(docs.at("/security/0").has("bearer")).isTrue();
        assertThat(docs.at("/components/schemas/Problem/properties").has("code")).isTrue();
        assertThat(docs.at("/components/schemas/Problem/properties").has("errors")).isTrue();
        List<String> operationIds = new ArrayList<>();
        docs.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(entry -> {
            JsonNode operation = entry.getValue();
            String where = entry.getKey().toUpperCase() + " " + path.getKey();
            operationIds.add(operation.path("operationId").asText());
            JsonNode responses = operation.path("responses");
            String errorType = path.getKey().startsWith("/scim/") ? "application/scim+json" : "application/problem+json";
            for (String status : List.of("400", "401", "403")) {
                assertThat(responses.path(status).path("content").has(errorType)).as(where + " " + status).isTrue();
            }
            boolean ifMatch = false;
            for (JsonNode parameter : operation.path("parameters")) {
                ifMatch |= "If-Match".equalsIgnoreCase(parameter.path("name").asText());
            }
            if (ifMatch) {
                assertThat(responses.has("412")).as(where).isTrue();
                JsonNode success = responses.has("200") ? responses.path("200") : responses.path("204");
                assertThat(success.path("headers").has("ETag")).as(where).isTrue();
            }
            if (responses.has("202")) {
                assertThat(responses.path("202").path("headers").has("Location")).as(where).isTrue();
            }
        }));
        assertThat(operationIds).doesNotHaveDuplicates().contains("createMember", "patchMember", "activate", "upload");
        assertThat(docs.at("/paths/~1api~1members~1{id}/get/responses/200/headers").has("ETag")).isTrue();
    }

    private static void generate(Path spec, Path output) {
        CodegenConfigurator configurator = new CodegenConfigurator()
                .setGeneratorName("java")
                .setLibrary("native")
                .setInputSpec(spec.toString())
                .setOutputDir(output.toString())
                .setInvokerPackage(PACKAGE)
                .setApiPackage(PACKAGE + ".api")
                .setModelPackage(PACKAGE + ".model")
                .addAdditionalProperty("openApiNullable", false)
                .addAdditionalProperty("useJakartaEe", true)
                .addAdditionalProperty("annotationLibrary", "none")
                .addAdditionalProperty("hideGenerationTimestamp", true);
        DefaultGenerator generator = new DefaultGenerator();
        generator.setGeneratorPropertyDefault("apiTests", "false");
        generator.setGeneratorPropertyDefault("modelTests", "false");
        generator.setGeneratorPropertyDefault("apiDocs", "false");
        generator.setGeneratorPropertyDefault("modelDocs", "false");
        generator.opts(configurator.toClientOptInput()).generate();
    }

    private static URLClassLoader compile(Path client, Path classes) throws Exception {
        Files.createDirectories(classes);
        List<File> sources;
        try (Stream<Path> files = Files.walk(client.resolve("src").resolve("main").resolve("java"))) {
            sources = files.filter(file -> file.toString().endsWith(".java")).map(Path::toFile).toList();
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        try (StandardJavaFileManager files = javac.getStandardFileManager(null, null, null)) {
            boolean compiled = javac.getTask(null, files, null,
                    List.of("-classpath", System.getProperty("java.class.path"), "-d", classes.toString(), "-nowarn",
                            "-proc:none"),
                    null, files.getJavaFileObjectsFromFiles(sources)).call();
            assertThat(compiled).as("the generated client compiles").isTrue();
        }
        return new URLClassLoader(new URL[]{classes.toUri().toURL()}, OpenApiClientTest.class.getClassLoader());
    }

    private static Object call(Object api, String name, Object... arguments) throws Exception {
        for (Method method : api.getClass().getMethods()) {
            if (method.getName().equals(name) && method.getParameterCount() == arguments.length) {
                return method.invoke(api, arguments);
            }
        }
        throw new AssertionError("The generated client has no " + name + " with " + arguments.length + " parameters");
    }

    private static int status(Object response) throws Exception {
        return (int) response.getClass().getMethod("getStatusCode").invoke(response);
    }

    @SuppressWarnings("unchecked")
    private static String header(Object response, String name) throws Exception {
        Map<String, List<String>> headers = (Map<String, List<String>>) response.getClass().getMethod("getHeaders").invoke(response);
        return headers.entrySet().stream().filter(entry -> entry.getKey().equalsIgnoreCase(name))
                .map(entry -> entry.getValue().get(0)).findFirst().orElse(null);
    }
}
