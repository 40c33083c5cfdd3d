package io.portcullis.ui.web;

import io.portcullis.ca.auth.Role;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The least role a UI endpoint needs. Without it, reading (GET) needs {@code auditor} and every
 * other method {@code operator}: a new mutating endpoint is closed to auditors by default.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.METHOD, ElementType.TYPE })
public @interface UiAccess {
    Role value();
}
