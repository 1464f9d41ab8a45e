package org.gatehouse.platform;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The application's clock follows the engine's, so that domain dates (invitation expiry, end dates) and BPMN timers
 * agree, and a test that moves the engine clock moves both.
 */
public class EngineClock extends Clock {

    private final ZoneId zone;

    public EngineClock(ZoneId zone) {
        this.zone = zone;
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new EngineClock(zone);
    }

    @Override
    public Instant instant() {
        return ClockUtil.getCurrentTime().toInstant();
    }

    public static EngineClock utc() {
        return new EngineClock(ZoneOffset.UTC);
    }
}
