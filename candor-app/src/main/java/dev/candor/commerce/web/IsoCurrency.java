package dev.candor.commerce.web;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.util.Currency;
import java.util.Set;
import java.util.stream.Collectors;

/** An active ISO 4217 currency code in upper case, such as {@code CNY}; {@code null} is left to {@code @NotNull}. */
@Constraint(validatedBy = IsoCurrency.Validator.class)
@Target({FIELD, RECORD_COMPONENT})
@Retention(RUNTIME)
@interface IsoCurrency {

    String message() default "must be an ISO 4217 currency code such as CNY";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<IsoCurrency, String> {

        private static final Set<String> CODES = Currency.getAvailableCurrencies().stream()
                .map(Currency::getCurrencyCode).collect(Collectors.toUnmodifiableSet());

        @Override
        public boolean isValid(String code, ConstraintValidatorContext context) {
            return code == null || CODES.contains(code);
        }
    }
}
