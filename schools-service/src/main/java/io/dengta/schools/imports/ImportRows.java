package io.dengta.schools.imports;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import io.dengta.commons.imports.RowOutcome;
import io.dengta.commons.problem.FieldError;
import io.dengta.commons.problem.ProblemException;

/**
 * What the registry's imports share beyond commons' ImportRunner: checking a row that was converted from a
 * flat CSV layout into the single-resource input with the same bean validation as a PUT body, and naming the
 * CSV column in the errors of such a row (a pointer into the converted input means nothing to the file's
 * author).
 */
@ApplicationScoped
public class ImportRows {

    private final Validator validator;

    public ImportRows(Validator validator) {
        this.validator = validator;
    }

    /**
     * Bean validation of {@code input}, reported like ImportRunner reports a row: a JSON pointer and the
     * constraint's name in snake case ({@code not_blank}, {@code positive_or_zero}, …).
     */
    public <T> void validate(T input) {
        Set<ConstraintViolation<T>> violations = validator.validate(input);
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations.stream()
                    .map(v -> new FieldError("/" + v.getPropertyPath().toString().replace('.', '/')
                            .replaceAll("\\[(\\d+)]", "/$1").replaceAll("<[^>]*>", "").replaceAll("/+$", ""),
                            v.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName()
                                    .replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(),
                            v.getMessage()))
                    .sorted(Comparator.comparing(FieldError::pointer)).toList());
        }
    }

    /**
     * Runs {@code write}; the field errors of a rejection it throws get their pointers renamed by
     * {@code column} (from a pointer into the converted input to the CSV column, e.g. {@code /certificate/type}
     * to {@code /certificateType}).
     */
    public static RowOutcome inColumns(UnaryOperator<String> column, Supplier<RowOutcome> write) {
        try {
            return write.get();
        } catch (ProblemException e) {
            if (e.errors().isEmpty()) {
                throw e;
            }
            List<FieldError> renamed = e.errors().stream()
                    .map(f -> new FieldError(column.apply(f.pointer()), f.code(), f.message())).toList();
            throw new ProblemException(e.type(), e.getMessage(), renamed, e.headers());
        }
    }
}
