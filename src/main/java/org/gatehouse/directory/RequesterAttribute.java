package org.gatehouse.directory;

import java.util.function.Function;

/** What experts may be shown about a requester (C2); admins choose the set. */
public enum RequesterAttribute {
    NAME("name", Person::name),
    EMAIL("email", Person::email),
    POSITION("position", Person::position),
    DEPARTMENT("department", Person::department),
    OFFICE("office", Person::office),
    TIME_ZONE("timeZone", Person::timeZone),
    SUPERVISOR("supervisor", Person::supervisorId),
    EMPLOYEE_ID("employeeId", Person::employeeId),
    STATUS("status", p -> p.status().name()),
    /** The link to the employee profile, as experts reach it. */
    PROFILE("profile", p -> "/api/directory/requesters/" + p.id());

    private final String key;
    private final Function<Person, String> value;

    RequesterAttribute(String key, Function<Person, String> value) {
        this.key = key;
        this.value = value;
    }

    public String key() {
        return key;
    }

    String valueOf(Person person) {
        return value.apply(person);
    }

    static RequesterAttribute byKey(String key) {
        for (RequesterAttribute attribute : values()) {
            if (attribute.key.equals(key)) {
                return attribute;
            }
        }
        return null;
    }
}
