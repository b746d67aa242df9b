package dev.candor.commerce.web;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * An id the order system chose: 1 to 128 characters, letters, digits and {@code . _ : @ + = ~ -}, starting
 * with a letter or digit; such ids are safe in a URL path as they are.
 */
@NotNull
@Pattern(regexp = OrderSystemId.PATTERN)
@ReportAsSingleViolation
@Constraint(validatedBy = {})
@Target({FIELD, PARAMETER, RECORD_COMPONENT, TYPE_USE})
@Retention(RUNTIME)
@interface OrderSystemId {

    String RULE = "1 to 128 letters, digits or . _ : @ + = ~ -, starting with a letter or digit";

    String PATTERN = "[A-Za-z0-9][A-Za-z0-9._:@+=~-]{0,127}";

    String message() default "must be " + RULE;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
