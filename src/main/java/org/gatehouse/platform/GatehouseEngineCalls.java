package org.gatehouse.platform;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a class whose public methods are Gatehouse's own paths into the engine (the {@code *Workflow} classes): each
 * call runs as a {@link TrustedCalls trusted call}, after the class itself has checked who may do what.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface GatehouseEngineCalls {
}
