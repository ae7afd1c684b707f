package com.memberdirectory.app.storage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The MongoDB mode end to end over HTTP, shared by the run against the in-process stand-in and the run against a
 * real MongoDB. Subclasses point {@code spring.data.mongodb.uri} at their server.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "directory.security.jwt-secret=" + MongoModeScenario.SECRET,
        "directory.security.primary-admin=admin"})
abstract class MongoModeScenario {

    static final String SECRET = "a-test-secret-that-is-at-least-32-bytes-long";

    @LocalServerPort
    int port;

    @Autowired
    ObjectMapper json;

    private RestClient http;

    @BeforeEach
    void client() throws JOSEException {
        http = RestClient.builder()
                .requestFactory(new JdkClientHttpRequestFactory())
                .baseUrl("http://localhost:" + port)
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token("admin"))
                .defaultStatusHandler(status -> true, (request, response) -> { })
                .build();
    }

    @Test
    void membersAreCreatedReadChangedAndKeptUnique() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);

        ResponseEntity<JsonNode> department = send(HttpMethod.POST, "/api/departments",
                Map.of("name", "Sales " + suffix));
        assertThat(department.getStatusCode().value()).as("%s", department.getBody()).isEqualTo(201);
        String departmentId = department.getBody().get("id").asText();

        String email = "ada." + suffix + "@example.com";
        ResponseEntity<JsonNode> created = send(HttpMethod.POST, "/api/members", Map.of(
                "name", "Ada Lovelace", "userId", "ada" + suffix, "workEmail", email,
                "departmentIds", List.of(departmentId)));
        assertThat(created.getStatusCode().value()).as("%s", created.getBody()).isEqualTo(201);
        assertThat(created.getHeaders().getETag()).isEqualTo("\"1\"");
        assertThat(created.getHeaders().getLocation()).isNotNull();
        String memberId = created.getBody().get("id").asText();

        ResponseEntity<JsonNode> read = send(HttpMethod.GET, "/api/members/" + memberId, null);
        assertThat(read.getStatusCode().value()).isEqualTo(200);
        assertThat(read.getHeaders().getETag()).isEqualTo("\"1\"");
        assertThat(read.getBody().get("workEmail").asText()).isEqualTo(email);

        ResponseEntity<JsonNode> patched = send(HttpMethod.PATCH, "/api/members/" + memberId,
                Map.of("name", "Ada King"));
        assertThat(patched.getStatusCode().value()).as("%s", patched.getBody()).isEqualTo(200);
        assertThat(patched.getHeaders().getETag()).isEqualTo("\"2\"");
        assertThat(patched.getBody().get("name").asText()).isEqualTo("Ada King");

        // The user ID is claimed before the work email is found taken: the refused command must leave no claim.
        ResponseEntity<JsonNode> duplicate = send(HttpMethod.POST, "/api/members", Map.of(
                "name", "Grace Hopper", "userId", "grace" + suffix, "workEmail", email.toUpperCase(),
                "departmentIds", List.of(departmentId)));
        assertThat(duplicate.getStatusCode().value()).as("%s", duplicate.getBody()).isEqualTo(409);
        assertThat(duplicate.getBody().get("code").asText()).isEqualTo("duplicate_value");
        assertThat(duplicate.getBody().get("errors").get(0).get("field").asText()).isEqualTo("workEmail");

        ResponseEntity<JsonNode> grace = send(HttpMethod.POST, "/api/members", Map.of(
                "name", "Grace Hopper", "userId", "grace" + suffix, "workEmail", "grace." + suffix + "@example.com",
                "departmentIds", List.of(departmentId)));
        assertThat(grace.getStatusCode().value()).as("the refused command's user ID claim was left behind: %s",
                grace.getBody()).isEqualTo(201);

        ResponseEntity<JsonNode> list = send(HttpMethod.GET, "/api/members?departmentId=" + departmentId, null);
        assertThat(list.getStatusCode().value()).isEqualTo(200);
        assertThat(list.getBody().get("total").asLong()).isEqualTo(2);
        assertThat(list.getBody().get("items").findValuesAsText("name")).containsExactlyInAnyOrder("Ada King", "Grace Hopper");
    }

    private ResponseEntity<JsonNode> send(HttpMethod method, String path, Object body) {
        RestClient.RequestBodySpec request = http.method(method).uri(path);
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).body(body);
        }
        return request.retrieve().toEntity(JsonNode.class);
    }

    private static String token(String subject) throws JOSEException {
        Instant now = Instant.now();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), new JWTClaimsSet.Builder()
                .subject(subject)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(600)))
                .claim("auth_time", now.getEpochSecond())
                .build());
        jwt.sign(new MACSigner(SECRET.getBytes(StandardCharsets.UTF_8)));
        return jwt.serialize();
    }
}
