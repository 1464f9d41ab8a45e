package org.gatehouse.teams;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A team as {@code POST /api/teams} takes it, for the tests of every module that needs one. */
public final class TeamFixtures {

    private TeamFixtures() {
    }

    public static Map<String, Object> team(String slug, String name, List<String> members) {
        Map<String, Object> body = new HashMap<>();
        body.put("slug", slug);
        body.put("name", name);
        body.put("businessHours", "09:00-17:00");
        body.put("timeZone", "Europe/Paris");
        body.put("firstResponseTarget", "PT4H");
        body.put("resolutionTarget", "P2D");
        body.put("members", members);
        return body;
    }
}
