package dev.candor.commerce.web;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.time.Instant;

/**
 * An instant PostgreSQL can keep exactly (it stores microseconds). Finer instants are refused rather
 * than silently rounded, so that what is read back is exactly what was pushed.
 */
@Constraint(validatedBy = Microseconds.Validator.class)
@Target({FIELD, RECORD_COMPONENT, TYPE_USE})
@Retention(RUNTIME)
@interface Microseconds {

    String message() default "must have at most microsecond precision";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<Microseconds, Instant> {

        @Override
        public boolean isValid(Instant instant, ConstraintValidatorContext context) {
            return instant == null || instant.getNano() % 1_000 == 0;
        }
    }
}
