package org.gatehouse.audit;

import java.util.LinkedHashMap;
import java.util.Map;

/** A trail line's details, in the order given, leaving out what is not known (null). */
final class Details {

    private final Map<String, Object> values = new LinkedHashMap<>();

    static Details with(String key, Object value) {
        return new Details().and(key, value);
    }

    Details and(String key, Object value) {
        if (value != null) {
            values.put(key, value);
        }
        return this;
    }

    Map<String, Object> map() {
        return values;
    }
}
