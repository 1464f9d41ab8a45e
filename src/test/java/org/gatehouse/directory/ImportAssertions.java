package org.gatehouse.directory;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What the import tests check of every import: a refusal's first line and reason, and that nothing changed. */
final class ImportAssertions {

    private ImportAssertions() {
    }

    /** 422 and the first refusal on {@code line} (any line when null), for a reason that contains {@code reason}. */
    static void assertRefused(ResponseEntity<JsonNode> response, String line, String reason) {
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        JsonNode refusal = response.getBody().get("report").get("refusals").get(0);
        if (line != null) {
            assertThat(refusal.get("line").asText()).isEqualTo(line);
        }
        assertThat(refusal.get("reason").asText()).contains(reason);
    }

    static long count(JdbcClient jdbc, String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }
}
