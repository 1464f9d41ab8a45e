package org.gatehouse.platform;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.core.annotation.AliasFor;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The controller of a link that works without an account (its token is the credential), at its route: every answer
 * it gives, its errors included, carries {@link LinkPageHeaders}' strict headers. See {@link LinkPageController}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@RestController
@RequestMapping
public @interface LinkPage {

    /** The page's route, with its token: {@code /invite/{token}}. */
    @AliasFor(annotation = RequestMapping.class, attribute = "path")
    String value();
}
