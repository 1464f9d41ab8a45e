package org.gatehouse.access;

import java.time.LocalDateTime;
import java.util.List;

/** A1: who may share channels with outside organisations. Admins always may. */
public record SharingPolicy(Mode shareMode, List<String> allowedGroups, String changedBy, LocalDateTime changedAt) {

    public enum Mode { ADMINS_ONLY, GROUPS, EVERYONE }
}
