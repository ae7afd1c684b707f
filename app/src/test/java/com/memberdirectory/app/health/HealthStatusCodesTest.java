package com.memberdirectory.app.health;

import com.memberdirectory.app.support.ApiTest;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.HttpCodeStatusMapper;
import org.springframework.boot.actuate.health.Status;

import static org.assertj.core.api.Assertions.assertThat;

/** What a load balancer or an orchestrator reads from the health endpoints' HTTP status. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class HealthStatusCodesTest extends ApiTest {

    @Autowired
    HttpCodeStatusMapper statusCodes;

    @Test
    void a_service_that_is_down_or_not_ready_answers_503_and_a_degraded_one_200() {
        assertThat(statusCodes.getStatusCode(Status.DOWN)).isEqualTo(503);
        assertThat(statusCodes.getStatusCode(Status.OUT_OF_SERVICE)).isEqualTo(503);
        assertThat(statusCodes.getStatusCode(new Status("DEGRADED"))).isEqualTo(200);
        assertThat(statusCodes.getStatusCode(Status.UP)).isEqualTo(200);
    }
}
