package org.gatehouse.platform;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a service bean whose methods the models call in expressions ({@code ${accessRequestStatus.set(execution, …)}}).
 * With the delegates and listeners, these are the only beans a deployed model may name ({@link ModelBeans}); each is
 * listed in the "Beans" table of {@code bpmn/README.md}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface CalledFromModels {
}
