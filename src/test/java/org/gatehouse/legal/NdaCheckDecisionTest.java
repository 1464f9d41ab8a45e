package org.gatehouse.legal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.DecisionService;
import org.gatehouse.GatehouseTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/** Every rule of bpmn/nda-check.dmn, and the dates on either side of each boundary. */
@GatehouseTest
class NdaCheckDecisionTest {

    @Autowired DecisionService decisions;

    @ParameterizedTest(name = "NDA until {0}, project until {1}, today {2}: {3}")
    @CsvSource(nullValues = "none", value = {
            "none,       2027-06-30, 2026-11-24, MISSING",
            "2026-11-23, 2027-06-30, 2026-11-24, EXPIRED",
            "2026-11-24, 2026-11-24, 2026-11-24, VALID",
            "2027-06-29, 2027-06-30, 2026-11-24, ENDS_BEFORE_PROJECT",
            "2027-06-30, 2027-06-30, 2026-11-24, VALID",
            "2028-01-01, 2027-06-30, 2026-11-24, VALID"})
    void ndaStatus(String ndaExpiresOn, String endDate, String today, String expected) {
        Map<String, Object> facts = new HashMap<>();
        facts.put("currentNdaExpiresOn", ndaExpiresOn);
        facts.put("endDate", endDate);
        facts.put("today", today);
        var result = decisions.evaluateDecisionTableByKey("nda-check", facts);
        assertThat(result.getSingleResult().<String>getEntry("ndaStatus")).isEqualTo(expected);
    }
}
