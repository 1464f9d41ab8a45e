package org.gatehouse.platform;

import java.util.Map;

/**
 * A feature whose configuration {@link ConfigurationVersions} keeps. At start-up, {@link ConfigurationBaseline} records
 * each subject that has no version yet as it stands (a new installation's defaults, an upgraded one's state), so the
 * first change an auditor sees has what it changed beside it.
 */
public interface VersionedConfiguration {

    /** The configuration as it stands: kind, then subject ({@code ""} for a singleton), then content as recorded. */
    Map<String, Map<String, Object>> configuration();
}
