package org.gatehouse.platform;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A text field shown on one line (a name, a subject, a channel name): {@link TextInput} takes the bidirectional
 * override and isolate characters out of it as it is read, so that it cannot display as something it is not
 * ({@code invoice\u202Efdp.exe}).
 */
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface SingleLine {
}
