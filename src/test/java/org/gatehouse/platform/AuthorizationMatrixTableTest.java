package org.gatehouse.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.gatehouse.platform.AuthorizationMatrix.Outcome;
import org.gatehouse.platform.AuthorizationMatrix.Role;
import org.junit.jupiter.api.Test;

/** How the README's matrix is read: what a row means, and a clear refusal of anything it does not understand. */
class AuthorizationMatrixTableTest {

    private static final String HEADER =
            "| route | anonymous | requester | workspace admin | legal | expert | team member | auditor | process owner | admin |";
    private static final String SEPARATOR = "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |";

    @Test
    void aRowIsARouteWithAnOutcomePerRole() {
        var rows = AuthorizationMatrix.parse(section(
                "| `GET /api/tickets/{id}` | 401 | own | own | 2xx | 2xx | 2xx | 404 | own | 2xx |",
                "| `POST /engine-rest/message` `PartnerAccepted`, a business key no request has | 401 | 403 | 403 | 403 | 403 | 403 | 403 | 403 | pass |"));

        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).route()).isEqualTo("GET /api/tickets/{id}");
        assertThat(rows.get(0).method()).isEqualTo("GET");
        assertThat(rows.get(0).path()).isEqualTo("/api/tickets/{id}");
        assertThat(rows.get(0).cells()).containsEntry(Role.ANONYMOUS, Outcome.UNAUTHORIZED)
                .containsEntry(Role.REQUESTER, Outcome.OWN).containsEntry(Role.AUDITOR, Outcome.HIDDEN).hasSize(9);
        assertThat(rows.get(1).route()).isEqualTo("POST /engine-rest/message PartnerAccepted, a business key no request has");
        assertThat(rows.get(1).path()).isEqualTo("/engine-rest/message");
        assertThat(rows.get(1).cells()).containsEntry(Role.ADMIN, Outcome.PASS);
    }

    @Test
    void otherTablesOfTheSectionAndOtherSectionsAreProse() {
        List<String> lines = new ArrayList<>(List.of("## Security", HEADER, SEPARATOR,
                "| `GET /elsewhere` | 401 | 401 | 401 | 401 | 401 | 401 | 401 | 401 | 401 |"));
        lines.addAll(section("| `GET /api/teams` | 401 | 403 | 403 | 2xx | 2xx | 2xx | 403 | 403 | 2xx |"));
        lines.addAll(List.of("", "| mark | meaning |", "| --- | --- |", "| `2xx` | done |", "## Test it", HEADER, SEPARATOR,
                "| `GET /after` | 401 | 401 | 401 | 401 | 401 | 401 | 401 | 401 | 401 |"));

        assertThat(AuthorizationMatrix.parse(lines)).extracting(AuthorizationMatrix.Row::route).containsExactly("GET /api/teams");
    }

    @Test
    void anUnknownMarkIsRefusedWithItsLineAndRole() {
        assertThatThrownBy(() -> AuthorizationMatrix.parse(section(
                "| `GET /api/teams` | 401 | 403 | 403 | 2xx | ok | 2xx | 403 | 403 | 2xx |")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("line 5")
                .hasMessageContaining("unknown mark \"ok\" for expert");
    }

    @Test
    void anUnknownRoleColumnIsRefused() {
        assertThatThrownBy(() -> AuthorizationMatrix.parse(List.of(AuthorizationMatrix.SECTION, "",
                HEADER.replace("auditor", "intern"), SEPARATOR)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("unknown role column \"intern\"");
        assertThatThrownBy(() -> AuthorizationMatrix.parse(List.of(AuthorizationMatrix.SECTION, "",
                HEADER.substring(0, HEADER.lastIndexOf(" admin |")), SEPARATOR)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("a column for every role");
    }

    @Test
    void aMalformedRowIsRefused() {
        assertThatThrownBy(() -> AuthorizationMatrix.parse(section("| GET /api/teams | 401 | 403 | 403 | 2xx | 2xx | 2xx | 403 | 403 | 2xx |")))
                .hasMessageContaining("does not start with `METHOD /path`");
        assertThatThrownBy(() -> AuthorizationMatrix.parse(section("| `GET /api/teams` | 401 | 403 |")))
                .hasMessageContaining("2 role cells, the table 9 roles");
        assertThatThrownBy(() -> AuthorizationMatrix.parse(section(
                "| `GET /api/teams` | 401 | 403 | 403 | 2xx | 2xx | 2xx | 403 | 403 | 2xx |",
                "| `GET /api/teams` | 401 | 403 | 403 | 2xx | 2xx | 2xx | 403 | 403 | 2xx |")))
                .hasMessageContaining("has a row already");
    }

    @Test
    void aReadmeWithoutTheMatrixIsRefused() {
        assertThatThrownBy(() -> AuthorizationMatrix.parse(List.of("# Gatehouse", "## Security")))
                .hasMessageContaining("no section \"## Authorization matrix\"");
        assertThatThrownBy(() -> AuthorizationMatrix.parse(List.of(AuthorizationMatrix.SECTION, "Nothing yet.")))
                .hasMessageContaining("no table");
    }

    private static List<String> section(String... rows) {
        List<String> lines = new ArrayList<>(List.of(AuthorizationMatrix.SECTION, "", HEADER, SEPARATOR));
        lines.addAll(List.of(rows));
        return lines;
    }
}
